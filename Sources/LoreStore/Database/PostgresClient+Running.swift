import PostgresNIO
import Synchronization

extension PostgresClient {
    /// Runs the client's pool while `body` works, then stops it and waits at most `grace` for it to close.
    ///
    /// Why not simply await `run()` after cancelling it: now and then (postgres-nio 1.33.2; about once in 150 test
    /// databases here, each with two clients) a cancelled `run()` never returns although its connections have
    /// closed. A command or a test must still finish, so after `grace` the pool's task is left behind.
    public func running<T: Sendable>(grace: Duration = .seconds(5), _ body: () async throws -> T) async throws -> T {
        let stopped = StoppedFlag()
        let run = Task {
            await self.run()
            stopped.value.store(true, ordering: .releasing)
        }
        func stop() async {
            run.cancel()
            let clock = ContinuousClock()
            let deadline = clock.now + grace
            while !stopped.value.load(ordering: .acquiring), clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        do {
            let result = try await body()
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }
}

private final class StoppedFlag: Sendable {
    let value = Atomic<Bool>(false)
}
