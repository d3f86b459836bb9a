import Foundation
import LoreStore
import NIOCore
import Testing

/// Which failures mean "the database is away for now" (a 503 with Retry-After) rather than a bug (a 500).
/// CI once saw a 500 while PostgreSQL restarted under load: a connection torn down can surface as a channel error.
@Suite struct DatabaseAvailabilityTests {
    @Test func aConnectionTornDownIsAnOutage() {
        #expect(DatabaseAvailability.isUnavailable(ChannelError.ioOnClosedChannel))
        #expect(DatabaseAvailability.isUnavailable(ChannelError.eof))
        #expect(DatabaseAvailability.isUnavailable(IOError(errnoCode: ECONNRESET, reason: "read")))
        #expect(DatabaseAvailability.isUnavailable(DatabaseTimeout(seconds: 10)))
    }

    @Test func aBugIsNotAnOutage() {
        #expect(!DatabaseAvailability.isUnavailable(CocoaError(.fileReadCorruptFile)))
        #expect(
            !DatabaseAvailability.isUnavailable(
                DecodingError.valueNotFound(Int.self, .init(codingPath: [], debugDescription: ""))))
    }
}
