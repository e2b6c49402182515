using System.Net;
using System.Net.Sockets;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>
/// Opening gives up on a server it cannot reach after the connect time, with a one-line error naming the library
/// without its password. No server is needed: only loopback ports are contacted, one closed and one that never answers.
/// </summary>
public sealed class PostgresConnectTests
{
    private const string Password = "Unreachable-S3cret";

    [Fact]
    public void ClosedPort_IsTriedForTheConnectTime_ThenAOneLineErrorWithoutThePassword()
    {
        int port = PostgresServer.ClosedLoopbackPort();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open($"postgresql://agent:{Password}@127.0.0.1:{port}/skills",
            new PostgresStoreOptions { ConnectTime = TimeSpan.FromSeconds(1) }));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"gave up after {watch.Elapsed}"); // it kept trying
        Assert.StartsWith($"cannot reach postgresql://agent@127.0.0.1:{port}/skills: ", e.Message);
        Assert.Contains("Connection refused", e.Message);
        Assert.EndsWith("(gave up after 1 s)", e.Message);
        Assert.DoesNotContain(Password, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ServerThatNeverAnswers_IsGivenUpOnAfterTheConnectTime_WithTheHint()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // connections complete in the kernel's backlog; nothing ever answers them
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open($"Host=127.0.0.1;Port={port};Username=agent;Password={Password};Database=skills",
            new PostgresStoreOptions { ConnectTime = TimeSpan.FromSeconds(2), ConnectTimeHint = "wait longer with --patience" }));

        Assert.StartsWith($"cannot reach postgresql://agent@127.0.0.1:{port}/skills: ", e.Message);
        Assert.EndsWith("(gave up after 2 s; wait longer with --patience)", e.Message);
        Assert.DoesNotContain(Password, e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void ConnectTime_MustBePositive(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PostgresSkillStore.Open("postgresql://agent@127.0.0.1:1/skills",
            new PostgresStoreOptions { ConnectTime = TimeSpan.FromMilliseconds(milliseconds) }));

    [Theory]
    [InlineData("postgresql://agent:pw@db/skills", true)]
    [InlineData("postgresql://agent@db/skills?password=pw", true)]
    [InlineData("Host=db;Username=agent;Password=pw;Database=skills", true)]
    [InlineData("Host=db;Username=agent;SSL Password=pw;Database=skills", true)]
    [InlineData("postgresql://agent@db/skills", false)]
    [InlineData("Host=db;Username=agent;Passfile=/home/agent/.pgpass;Database=skills", false)]
    [InlineData("library.db", false)]
    public void HasPassword_TellsLocationsCarryingASecret(string location, bool expected) =>
        Assert.Equal(expected, PostgresLocation.HasPassword(location));
}
