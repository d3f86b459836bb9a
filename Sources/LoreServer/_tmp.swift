enum _PlaceholderLoreServer {}
