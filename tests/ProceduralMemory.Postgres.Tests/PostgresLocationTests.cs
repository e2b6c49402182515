using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>Recognising, parsing and describing PostgreSQL locations; no server needed.</summary>
public sealed class PostgresLocationTests
{
    [Fact]
    public void Uri_SetsEveryPart_PercentDecoded()
    {
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse(
            "postgresql://agent%20one:p%40ss%3Aw%2Fd%25+%C3%A9@db.example.org:6543/skill%20library?sslmode=verify-full&application_name=trainer&connect_timeout=7");

        Assert.Equal("agent one", settings.Username);
        Assert.Equal("p@ss:w/d%+é", settings.Password);
        Assert.Equal("db.example.org", settings.Host);
        Assert.Equal(6543, settings.Port);
        Assert.Equal("skill library", settings.Database);
        Assert.Equal(SslMode.VerifyFull, settings.SslMode);
        Assert.Equal("trainer", settings.ApplicationName);
        Assert.Equal(7, settings.Timeout);
    }

    [Fact]
    public void Uri_WithOnlyAHost_LeavesTheDefaults()
    {
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse("postgres://db");

        Assert.Equal(("db", 5432), (settings.Host, settings.Port));
        Assert.Null(settings.Username);
        Assert.Null(settings.Password);
        Assert.Null(settings.Database);
    }

    [Fact]
    public void Uri_UserWithoutPassword_AndAnEmptyPassword_AreKeptApart()
    {
        Assert.Null(PostgresLocation.Parse("postgresql://agent@db/lib").Password);
        Assert.Equal("", PostgresLocation.Parse("postgresql://agent:@db/lib").Password ?? "");
        Assert.Equal("agent", PostgresLocation.Parse("postgresql://agent@db/lib").Username);
    }

    [Fact]
    public void Uri_BracketedIPv6_AndHostLists_AreUnderstood()
    {
        NpgsqlConnectionStringBuilder v6 = PostgresLocation.Parse("postgresql://[::1]:5433/lib");
        NpgsqlConnectionStringBuilder list = PostgresLocation.Parse("postgresql://a:5432,b,c:6000/lib?target_session_attrs=read-write");

        Assert.Equal(("::1", 5433), (v6.Host, v6.Port));
        Assert.Equal("a:5432,b,c:6000", list.Host);
        Assert.Equal("read-write", list.TargetSessionAttributes);
    }

    [Fact]
    public void Uri_AcceptsNpgsqlSettingNamesAsParameters()
    {
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse("postgresql://db/lib?Command%20Timeout=90&Maximum%20Pool%20Size=3");

        Assert.Equal((90, 3), (settings.CommandTimeout, settings.MaxPoolSize));
    }

    public static TheoryData<string, string> InvalidUris => new()
    {
        { "postgresql://u:secret-pw@db:port/lib", "the port 'port' is not a number from 1 to 65535" },
        { "postgresql://u:secret-pw@db:70000/lib", "the port '70000' is not a number from 1 to 65535" },
        { "postgresql://u:secret%zzpw@db/lib", "the password has a '%' that is not followed by two hexadecimal digits" },
        { "postgresql://u:secret%FFpw@db/lib", "the password decodes to bytes that are not UTF-8" },
        { "postgresql://u:secret-pw@db/lib?nonsense=1", "the parameter 'nonsense=1' is not accepted" },
        { "postgresql://u:secret-pw@db/lib?password=secret-pw2&sslmode=sometimes", "the parameter 'sslmode=sometimes' is not accepted" },
        { "postgresql://u:secret-pw@db/lib?sslmode", "the parameter 'sslmode' has no name=value form" },
        { "postgresql://u:secret-pw@[::1/lib", "the host '[::1' is not a bracketed IPv6 address" },
        { "postgresql://u:secret-pw@:5432/lib", "':5432' names no host" },
        { "postgresql://u:secret-pw@/lib", "the PostgreSQL location names no host" },
    };

    [Theory]
    [MemberData(nameof(InvalidUris))]
    public void InvalidUri_IsRefused_WithAOneLineReason_WithoutThePassword(string uri, string reason)
    {
        var e = Assert.Throws<LibraryException>(() => PostgresLocation.Parse(uri));

        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain("secret", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(PostgresLocation.TryParse(uri, out _));
    }

    [Fact]
    public void ConnectionString_IsParsed_AndAMalformedOne_IsRefusedWithoutItsPassword()
    {
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse("Host=db;Port=6000;Database=lib;Username=agent;Password='a;b=c'");
        var e = Assert.Throws<LibraryException>(() => PostgresLocation.Parse("Host=db;Database=lib;Password=top;secret=x"));

        Assert.Equal(("db", 6000, "lib", "a;b=c"), (settings.Host, settings.Port, settings.Database, settings.Password));
        Assert.StartsWith("not a valid PostgreSQL connection string", e.Message);
        Assert.DoesNotContain("secret", e.Message);
    }

    [Theory]
    [InlineData("postgresql://db/lib", true)]
    [InlineData("POSTGRES://db/lib", true)]
    [InlineData("postgres://:bad", true)]
    [InlineData("Host=db;Database=lib", true)]
    [InlineData(" server = db ; database = lib ", true)]
    [InlineData("procmem.db", false)]
    [InlineData("/var/lib/procmem/library.db", false)]
    [InlineData("runs/host=1.db", false)]
    [InlineData("C:\\libraries\\procmem.db", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPostgres_TellsAServerLocationFromALibraryFile(string? location, bool expected)
    {
        Assert.Equal(expected, PostgresLocation.IsPostgres(location));
    }

    [Theory]
    [InlineData("postgresql://agent:secret@db:6000/lib", "postgresql://agent@db:6000/lib")]
    [InlineData("Host=db;Database=my lib;Username=a b;Password=secret", "postgresql://a%20b@db:5432/my%20lib")]
    [InlineData("postgresql://[::1]/lib", "postgresql://[::1]:5432/lib")]
    [InlineData("postgresql://a:5432,b/lib", "postgresql://a:5432,b/lib")]
    [InlineData("Host=db", "postgresql://db:5432")]
    public void Describe_NamesUserHostPortAndDatabase_NeverThePassword(string location, string expected)
    {
        Assert.Equal(expected, PostgresLocation.Describe(location));
    }
}
