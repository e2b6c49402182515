using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

/// <summary>
/// Where a PostgreSQL library is, written either as an Npgsql connection string
/// (<c>Host=db;Database=skills;Username=agent;Password=...</c>) or as a libpq-style URI
/// (<c>postgresql://agent:secret@db:5432/skills?sslmode=require</c>, percent-encoded like libpq's). Also tells a
/// PostgreSQL location from a library file path, and describes a location for messages without its password.
/// </summary>
public static partial class PostgresLocation
{
    /// <summary>
    /// True when <paramref name="location"/> is meant as a PostgreSQL location: it starts with <c>postgres://</c> or
    /// <c>postgresql://</c>, or is a <c>key=value;...</c> connection string naming a <c>Host</c> (or <c>Server</c>).
    /// A malformed one is still recognised, so that <see cref="Parse"/> can say what is wrong with it; anything
    /// else (a library file path) is not.
    /// </summary>
    public static bool IsPostgres(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
            return false;
        string text = location.Trim();
        if (HasUriScheme(text))
            return true;
        foreach (string part in text.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Trim() is var key
                && (key.Equals("host", StringComparison.OrdinalIgnoreCase) || key.Equals("server", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    /// <summary>Parses <paramref name="location"/> into connection settings; false (and <c>null</c>) when it is not a valid PostgreSQL location.</summary>
    public static bool TryParse(string? location, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NpgsqlConnectionStringBuilder? settings)
    {
        try
        {
            settings = Parse(location);
            return true;
        }
        catch (LibraryException)
        {
            settings = null;
            return false;
        }
    }

    /// <summary>Parses <paramref name="location"/> (a URI or a connection string) into connection settings.</summary>
    /// <exception cref="LibraryException">It is not a valid PostgreSQL location; the one-line message says why and never contains the password.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new LibraryException("no PostgreSQL location given");
        string text = location.Trim();
        NpgsqlConnectionStringBuilder settings = HasUriScheme(text) ? ParseUri(text) : ParseConnectionString(text);
        if (string.IsNullOrEmpty(settings.Host))
            throw new LibraryException("the PostgreSQL location names no host");
        return settings;
    }

    /// <summary>
    /// True when <paramref name="location"/> is a valid PostgreSQL location that carries a secret: a password (as
    /// <c>user:password@</c> in a URI, or <c>Password=</c>) or a client key's password. A location that does not parse
    /// carries none as far as this tells; opening it fails anyway.
    /// </summary>
    public static bool HasPassword(string? location) =>
        IsPostgres(location) && TryParse(location, out var settings)
        && (!string.IsNullOrEmpty(settings.Password) || !string.IsNullOrEmpty(settings.SslPassword));

    /// <summary>
    /// <paramref name="settings"/> as a URI without the password, such as <c>postgresql://agent@db:5432/skills</c>: how
    /// messages name a library.
    /// </summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string host = settings.Host ?? "localhost";
        // A host list (failover) or a host:port already carries its ports; an IPv6 address needs brackets before one.
        int colons = host.Count(c => c == ':');
        string hosts = host.Contains(',') || colons == 1 || host.StartsWith('[') ? host
            : colons > 1 ? $"[{host}]:{settings.Port}"
            : $"{host}:{settings.Port}";
        string user = string.IsNullOrEmpty(settings.Username) ? "" : $"{Uri.EscapeDataString(settings.Username)}@";
        string database = string.IsNullOrEmpty(settings.Database) ? "" : $"/{Uri.EscapeDataString(settings.Database)}";
        return $"postgresql://{user}{hosts}{database}";
    }

    /// <summary><see cref="Describe(NpgsqlConnectionStringBuilder)"/> of a location given as text.</summary>
    /// <exception cref="LibraryException">It is not a valid PostgreSQL location.</exception>
    public static string Describe(string location) => Describe(Parse(location));

    /// <summary>Removes every occurrence of <paramref name="password"/> from <paramref name="message"/>, as a last guard on messages built from server or driver text.</summary>
    internal static string Redact(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);

    private static NpgsqlConnectionStringBuilder ParseConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The driver's message may quote a fragment of the text, and a password containing ';' splits into fragments.
            string reason = e.Message.ReplaceLineEndings(" ");
            foreach (string fragment in PasswordFragments(text))
                reason = Redact(reason, fragment);
            throw new LibraryException($"not a valid PostgreSQL connection string ({reason})", e);
        }
    }

    /// <summary>What follows <c>password=</c> in a connection string, whole and split where a parser might split it.</summary>
    private static IEnumerable<string> PasswordFragments(string text)
    {
        int at = text.IndexOf("password", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            int equals = text.IndexOf('=', at);
            if (equals < 0)
                yield break;
            string rest = text[(equals + 1)..];
            yield return rest;
            foreach (string piece in rest.Split([';', '=', '\'', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (piece.Length >= 2)
                    yield return piece;
            at = text.IndexOf("password", equals, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool HasUriScheme(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);
}
