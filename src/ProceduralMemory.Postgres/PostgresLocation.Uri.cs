using System.Text;
using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public static partial class PostgresLocation
{
    /// <summary>libpq's URI parameter names and the Npgsql settings they mean; any other name must be an Npgsql setting.</summary>
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["sslmode"] = "SSL Mode",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["sslrootcert"] = "Root Certificate",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <summary>
    /// Parses <c>postgres[ql]://[user[:password]@][host[:port][,host[:port]...]][/database][?name=value&amp;...]</c>,
    /// percent-decoding each part as libpq does (a <c>+</c> stays a plus).
    /// </summary>
    private static NpgsqlConnectionStringBuilder ParseUri(string uri)
    {
        var settings = new NpgsqlConnectionStringBuilder();
        string rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];

        int queryAt = rest.IndexOf('?');
        string? query = queryAt < 0 ? null : rest[(queryAt + 1)..];
        rest = queryAt < 0 ? rest : rest[..queryAt];
        int pathAt = rest.IndexOf('/');
        string? path = pathAt < 0 ? null : rest[(pathAt + 1)..];
        string authority = pathAt < 0 ? rest : rest[..pathAt];

        // The password may itself contain '@' only percent-encoded, so the last '@' ends the user information.
        int userAt = authority.LastIndexOf('@');
        if (userAt >= 0)
        {
            string userInfo = authority[..userAt];
            int colon = userInfo.IndexOf(':');
            string user = Decode(colon < 0 ? userInfo : userInfo[..colon], "the user name");
            if (user.Length > 0)
                settings.Username = user;
            if (colon >= 0)
                settings.Password = Decode(userInfo[(colon + 1)..], "the password");
            authority = authority[(userAt + 1)..];
        }
        SetHosts(settings, authority);
        if (!string.IsNullOrEmpty(path))
            settings.Database = Decode(path, "the database name");
        if (query is not null)
            SetParameters(settings, query);
        return settings;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder settings, string authority)
    {
        if (authority.Length == 0)
            return;
        var hosts = new List<(string Host, int? Port)>();
        foreach (string spec in authority.Split(','))
        {
            string host = spec, port = "";
            if (spec.StartsWith('['))
            {
                int close = spec.IndexOf(']');
                if (close < 0 || (close + 1 < spec.Length && spec[close + 1] != ':'))
                    throw Invalid($"the host '{spec}' is not a bracketed IPv6 address");
                host = spec[1..close];
                port = close + 1 < spec.Length ? spec[(close + 2)..] : "";
            }
            else if (spec.LastIndexOf(':') is var colon and >= 0)
            {
                host = spec[..colon];
                port = spec[(colon + 1)..];
            }
            host = Decode(host, "a host name");
            if (host.Length == 0)
                throw Invalid($"'{spec}' names no host");
            hosts.Add((host, port.Length == 0 ? null : ParsePort(port)));
        }
        if (hosts.Count == 1)
        {
            settings.Host = hosts[0].Host;
            if (hosts[0].Port is { } single)
                settings.Port = single;
            return;
        }
        if (hosts.Any(h => h.Host.Contains(':')))
            throw Invalid("an IPv6 address in a list of hosts is not supported; give one host, or host names");
        settings.Host = string.Join(',', hosts.Select(h => h.Port is { } port ? $"{h.Host}:{port}" : h.Host));
    }

    private static void SetParameters(NpgsqlConnectionStringBuilder settings, string query)
    {
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
                throw Invalid($"the parameter '{(equals < 0 ? pair : "")}' has no name=value form");
            string name = Decode(pair[..equals], "a parameter name");
            bool secret = name.Contains("password", StringComparison.OrdinalIgnoreCase);
            string value = Decode(pair[(equals + 1)..], $"the parameter {name}");
            string keyword = UriParameters.GetValueOrDefault(name, name);
            if (keyword == "Port")
            {
                settings.Port = ParsePort(value);
                continue;
            }
            if (keyword == "SSL Mode")
                value = value.Replace("-", "", StringComparison.Ordinal); // libpq's verify-full is Npgsql's VerifyFull
            try
            {
                settings[keyword] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw Invalid(secret ? $"the parameter '{name}' is not accepted" : $"the parameter '{name}={value}' is not accepted ({e.Message.ReplaceLineEndings(" ")})");
            }
        }
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            ? port
            : throw Invalid($"the port '{text}' is not a number from 1 to 65535");

    /// <summary>Percent-decodes <paramref name="text"/> as UTF-8; a malformed escape is an error naming <paramref name="what"/> but not quoting it.</summary>
    private static string Decode(string text, string what)
    {
        if (!text.Contains('%'))
            return text;
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                    throw Invalid($"{what} has a '%' that is not followed by two hexadecimal digits");
                bytes.Add((byte)((Uri.FromHex(text[i + 1]) << 4) | Uri.FromHex(text[i + 2])));
                i += 2;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int consumed);
            bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            i += consumed - 1;
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid($"{what} decodes to bytes that are not UTF-8");
        }
    }

    private static LibraryException Invalid(string problem) => new($"invalid PostgreSQL URI: {problem}");
}
