namespace ProceduralMemory.Postgres.Tests;

/// <summary>A fact that needs the test server: skipped without one, except on CI (see <see cref="PostgresServer"/>).</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>A theory that needs the test server: skipped without one, except on CI (see <see cref="PostgresServer"/>).</summary>
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>A fact that restarts the test server: skipped without a restart command, except on CI.</summary>
internal sealed class PostgresRestartFactAttribute : FactAttribute
{
    public PostgresRestartFactAttribute() => Skip = PostgresServer.RestartSkipReason;
}
