using System.Net;
using System.Net.Sockets;
using ProceduralMemory.Postgres.Tests;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>
/// A PostgreSQL library the command cannot reach fails fast with one line (exit 2), and a password is refused on the
/// command line. Only loopback addresses are ever contacted: a closed port, or a listener that never answers.
/// </summary>
public class PostgresConnectionTests
{
    private const string Password = "S3cret-Pa55-w0rd";

    [Theory]
    [InlineData("skills", "list")]
    [InlineData("eval", "--seeds", "0-1")]
    [InlineData("train", "--steps", "100")]
    public void ClosedPort_FailsWithOneLineNamingTheServer_WithinTheConnectTimeout(params string[] command)
    {
        int port = PostgresServer.ClosedLoopbackPort();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        CliRun run = CliRun.Of([.. command, "--library", $"postgres://agent@127.0.0.1:{port}/skills", "--connect-timeout", "2"]);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"procmem: cannot reach postgresql://agent@127.0.0.1:{port}/skills: ", line);
        Assert.Contains("(gave up after 2 s; --connect-timeout", line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void ServerThatAcceptsButNeverAnswers_IsGivenUpOnAfterTheConnectTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // connections complete in the kernel's backlog; nothing ever answers them
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;

        CliRun run = CliRun.Of("skills", "list", "--library", $"Host=127.0.0.1;Port={port};Username=agent;Database=skills", "--connect-timeout", "2");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"procmem: cannot reach postgresql://agent@127.0.0.1:{port}/skills: ", line);
        Assert.Contains("gave up after 2 s", line);
    }

    [Theory]
    [InlineData("skills", "list", "--library", "postgres://agent:" + Password + "@127.0.0.1:1/skills")]
    [InlineData("train", "--steps", "100", "--library", "Host=127.0.0.1;Port=1;Username=agent;Password=" + Password + ";Database=skills")]
    [InlineData("skills", "export", "--library", "postgresql://agent@127.0.0.1:1/skills?password=" + Password)]
    [InlineData("bench", "social", "--server", "postgres://agent:" + Password + "@127.0.0.1:1/postgres")]
    public void PasswordOnTheCommandLine_IsRefused_WithAHint_AndNeverRepeated(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("has a password in it", line);
        Assert.Contains("PGPASSWORD", line);
        Assert.Contains("passfile", line);
        Assert.DoesNotContain(Password, run.Out + run.Error);
    }

    [Fact]
    public void PasswordInProcmemLibrary_IsAccepted_AndTheTimeoutComesFromTheEnvironment()
    {
        int port = PostgresServer.ClosedLoopbackPort();
        using var run = ProcmemProcess.StartWith(new Dictionary<string, string>
        {
            ["PROCMEM_LIBRARY"] = $"postgres://agent:{Password}@127.0.0.1:{port}/skills",
            ["PROCMEM_CONNECT_TIMEOUT"] = "1",
        }, "skills", "list");

        Assert.Equal(2, run.WaitForExit(TimeSpan.FromMinutes(2)));
        string line = Assert.Single(run.Lines);
        Assert.StartsWith($"stderr: procmem: cannot reach postgresql://agent@127.0.0.1:{port}/skills: ", line);
        Assert.Contains("(gave up after 1 s;", line);
        Assert.DoesNotContain(Password, line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("2.5")]
    [InlineData("3601")]
    public void BadConnectTimeout_IsRefused(string value)
    {
        CliRun run = CliRun.Of("skills", "list", "--library", "postgres://agent@127.0.0.1:1/skills", "--connect-timeout", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"procmem: --connect-timeout must be a whole number of seconds from 1 to 3600 (got '{value}'). (see 'procmem --help')",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void BadConnectTimeoutInTheEnvironment_IsRefused_EvenForAFileLibrary()
    {
        using var dir = new TemporaryDirectory();
        using var run = ProcmemProcess.StartWith(new Dictionary<string, string> { ["PROCMEM_CONNECT_TIMEOUT"] = "soon" },
            "skills", "list", "--library", dir.Combine("lib.db"));

        Assert.Equal(2, run.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("stderr: procmem: PROCMEM_CONNECT_TIMEOUT must be a whole number of seconds from 1 to 3600 (got 'soon'). (see 'procmem --help')", run.Lines);
        Assert.False(File.Exists(dir.Combine("lib.db")));
    }

    [PostgresFact]
    public void PasswordFromPgpassword_OpensTheLibrary()
    {
        using var database = new TemporaryDatabase();
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        string password = settings.Password ?? "";
        settings.Password = null;
        using var dir = new TemporaryDirectory();

        using var run = ProcmemProcess.StartWith(new Dictionary<string, string> { ["PGPASSWORD"] = password },
            "train", "--env", "doorkey-5x5", "--steps", "200", "--eval-seeds", "0-1", "--library", settings.ConnectionString, "--out", dir.Combine("run"));

        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(3)) == 0, string.Join('\n', run.Lines));
        Assert.True(Convert.ToInt64(database.Scalar("SELECT episodes FROM procmem.meta")) > 0);
    }

}
