using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Postgres;
using ProceduralMemory.Memory.Attention;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// Options shared by several commands, built one way so they read and validate alike. Every value is checked while
/// parsing, before a command starts, so a bad one is refused with nothing created or changed, in words that state the
/// accepted range (never a .NET type name).
/// </summary>
internal static class CommonOptions
{
    /// <summary>An integer option that must be at least 1.</summary>
    public static Option<int> PositiveInt(string name, string description, int defaultValue) =>
        BoundedInt(name, description, defaultValue, minimum: 1);

    /// <summary>The seed every run is a function of.</summary>
    public static Option<int> Seed(int defaultValue = 42) =>
        BoundedInt("--seed", "Random seed: the same seed gives the same run.", defaultValue, minimum: 0);

    /// <summary>An integer option from <paramref name="minimum"/> to <paramref name="maximum"/>; anything else is an error stating that range.</summary>
    public static Option<int> BoundedInt(string name, string description, int defaultValue, int minimum, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            // Parsed here rather than validated afterwards so that "abc" and "0" get the same clear message.
            CustomParser = result => ParseInt(result, name, minimum, maximum) ?? default,
        };

    /// <summary>As <see cref="BoundedInt"/>, for an option that has no value unless given (its default depends on others).</summary>
    public static Option<int?> OptionalBoundedInt(string name, string description, int minimum, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            CustomParser = result => ParseInt(result, name, minimum, maximum),
        };

    /// <summary>A number from 0 to 1 (0 itself only when <paramref name="zeroAllowed"/>).</summary>
    public static Option<double> Fraction(string name, string description, bool zeroAllowed, double? defaultValue = null)
    {
        string range = zeroAllowed ? "a number from 0 to 1" : "a number above 0 and at most 1";
        var option = new Option<double>(name)
        {
            Description = description,
            Required = defaultValue is null,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                    && value <= 1 && (value > 0 || (zeroAllowed && value == 0)))
                    return value;
                result.AddError($"{name} must be {range} (got '{text}').");
                return 0;
            },
        };
        if (defaultValue is { } fallback)
            option.DefaultValueFactory = _ => fallback;
        return option;
    }

    /// <summary>A number from <paramref name="minimum"/> to <paramref name="maximum"/>; anything else is an error stating that range.</summary>
    public static Option<double> BoundedNumber(string name, string description, double defaultValue, double minimum, double maximum) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= minimum && value <= maximum)
                    return value;
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {minimum} to {maximum} (got '{text}')."));
                return defaultValue;
            },
        };

    /// <summary>The weight of the skill encoder's separation term (0, the default, is off).</summary>
    public static Option<double> Separation() =>
        BoundedNumber("--separation", "Weight of the separation term: codes of different skills pushed apart, of one skill pulled together (0: off).", 0, 0, 1000);

    /// <summary>The folder that receives a run's files.</summary>
    public static Option<string> OutputDirectory(string defaultValue = "procmem-out")
    {
        var option = new Option<string>("--out") { Description = "Folder for the run's files (created if missing).", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result => Report(result, PathChecks.FolderProblem("--out", result.GetValueOrDefault<string>())));
        return option;
    }

    /// <summary>A file a command writes; <paramref name="description"/> says what happens without it.</summary>
    public static Option<string?> OutputFile(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result => Report(result, PathChecks.NewFileProblem(name, result.GetValueOrDefault<string?>())));
        return option;
    }

    /// <summary>A file argument a command reads: it must exist and be a file (reading it may still fail, and says so).</summary>
    public static Argument<string> InputFile(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result => Report(result, PathChecks.ExistingFileProblem(result.GetValueOrDefault<string>())));
        return argument;
    }

    /// <summary>An optional file option a command reads: when given, it must exist and be a file.</summary>
    public static Option<string?> ExistingFile(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result => Report(result, result.GetValueOrDefault<string?>() is { } path ? PathChecks.ExistingFileProblem(path) : null));
        return option;
    }

    /// <summary>A <c>--library</c> that can only be a SQLite file (checked as <see cref="Library"/> checks one), none by default.</summary>
    public static Option<string?> LibraryFile(string description)
    {
        var option = new Option<string?>("--library") { Description = description };
        option.Validators.Add(result =>
        {
            string? location = result.GetValueOrDefault<string?>();
            if (location is not null && PostgresLocation.IsPostgres(location))
                result.AddError("--library must be a SQLite file here, not a PostgreSQL location.");
            else if (location is not null)
                Report(result, PathChecks.LibraryFileProblem(location));
        });
        return option;
    }

    /// <summary>
    /// The <c>--library</c> option: the skill library to learn into or read from. Where a default applies, the
    /// environment variable <c>PROCMEM_LIBRARY</c> overrides it, so a team can point every command at a shared library
    /// once. A PostgreSQL location with a password is refused on the command line, where every user of the machine
    /// can read it in the process list; in <c>PROCMEM_LIBRARY</c> it is accepted.
    /// </summary>
    public static Option<string> Library(string? defaultValue = Cli.Library.SkillStores.DefaultLibrary)
    {
        var option = new Option<string>("--library")
        {
            Description = (defaultValue is null
                ? "Skill library to learn into; none by default."
                : $"Skill library (default: ${Cli.Library.SkillStores.LibraryVariable}, else {defaultValue} in the working directory).")
                + " A file name (SQLite), or a PostgreSQL connection string or postgres:// URI (its password in PGPASSWORD or a passfile).",
        };
        if (defaultValue is not null)
            option.DefaultValueFactory = _ =>
                System.Environment.GetEnvironmentVariable(Cli.Library.SkillStores.LibraryVariable) is { Length: > 0 } shared ? shared : defaultValue;
        option.Validators.Add(result =>
        {
            string? location = result.GetValueOrDefault<string?>();
            if (location is not null && !PostgresLocation.IsPostgres(location))
                Report(result, PathChecks.LibraryFileProblem(location));
        });
        RefusePassword(option);
        return option;
    }

    /// <summary>
    /// Makes <paramref name="option"/> (a PostgreSQL location given on the command line) refuse one with a password:
    /// the process list would show it to every user of the machine. The message never repeats the password.
    /// </summary>
    public static void RefusePassword(Option option) =>
        option.Validators.Add(result =>
        {
            if (!result.Implicit && PostgresLocation.HasPassword(result.GetValueOrDefault<string?>()))
                result.AddError($"{option.Name} has a password in it, and the process list would show it to everyone on this machine: " +
                    $"leave it out and give it in PGPASSWORD or a passfile (~/.pgpass, or the file PGPASSFILE names), " +
                    $"or put the whole location in {Cli.Library.SkillStores.LibraryVariable}");
        });

    /// <summary>
    /// The <c>--connect-timeout SECONDS</c> option (whole seconds): how long opening a PostgreSQL library keeps trying to reach its
    /// server before the command fails (exit 2). Its default, 15 s, can be replaced with the environment variable
    /// <c>PROCMEM_CONNECT_TIMEOUT</c>; a bad value in either is an error.
    /// </summary>
    public static Option<int> ConnectTimeout() =>
        new("--connect-timeout")
        {
            HelpName = "seconds",
            Description = $"Seconds to keep trying to reach a PostgreSQL library's server before giving up (default: ${Cli.Library.SkillStores.ConnectTimeoutVariable}, " +
                $"else {Cli.Library.SkillStores.DefaultConnectTimeout.TotalSeconds:0}). A server lost later in the run is waited for longer.",
            DefaultValueFactory = result =>
                System.Environment.GetEnvironmentVariable(Cli.Library.SkillStores.ConnectTimeoutVariable) is { Length: > 0 } text
                    ? ParseSeconds(result, text, Cli.Library.SkillStores.ConnectTimeoutVariable)
                    : (int)Cli.Library.SkillStores.DefaultConnectTimeout.TotalSeconds,
            CustomParser = result => ParseSeconds(result, result.Tokens.Count > 0 ? result.Tokens[^1].Value : "", "--connect-timeout"),
        };

    private static int ParseSeconds(ArgumentResult result, string text, string name)
    {
        const int most = 3600;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seconds) && seconds is >= 1 and <= most)
            return seconds;
        result.AddError($"{name} must be a whole number of seconds from 1 to {most} (got '{text}').");
        return default;
    }

    /// <summary>The <c>--env</c> option: a registered environment name.</summary>
    public static Option<string> Environment(string defaultValue) =>
        NamedChoice("--env", "environment", EnvironmentRegistry.Names, EnvironmentRegistry.Contains, defaultValue);

    /// <summary>The <c>--agent</c> option: a learning agent's name.</summary>
    public static Option<string> Agent(string defaultValue = "procmem") =>
        NamedChoice("--agent", "agent", AgentCatalog.Names, AgentCatalog.Contains, defaultValue);

    /// <summary>
    /// An option listing names of <paramref name="known"/>, comma-separated or repeated, each once; an unknown or
    /// repeated name is an error that lists the known ones. Absent, it is <paramref name="defaults"/>.
    /// </summary>
    public static Option<string[]> NameList(string name, string noun, string description, IReadOnlyCollection<string> known,
        Func<string, bool> isKnown, IReadOnlyList<string> defaults) =>
        new(name)
        {
            Description = $"{description}, comma-separated; known: {string.Join(", ", known)}. [default: {string.Join(",", defaults)}]",
            // As SeedRange does: help asks for the default with a result of no parse and gets an empty list, which it
            // omits, so the description states the default as typed rather than help joining it with '|'.
            DefaultValueFactory = result => result.Parent is null ? [] : [.. defaults],
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                    return [.. defaults];
                string[] names = SplitList(result.Tokens.Select(t => t.Value));
                if (names.FirstOrDefault(n => !isKnown(n)) is { } unknown)
                    result.AddError($"unknown {noun} '{unknown}'; known: {string.Join(", ", known)}");
                else if (names.Length == 0 || names.Distinct().Count() != names.Length)
                    result.AddError($"{name} must list {noun}s, each once (got '{string.Join(",", result.Tokens.Select(t => t.Value))}').");
                return names;
            },
        };

    /// <summary>The comma-separated items of every token, trimmed.</summary>
    public static string[] SplitList(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries)).ToArray();

    /// <summary>An option naming one of <paramref name="known"/>; anything else is an error that lists them.</summary>
    public static Option<string> NamedChoice(string name, string noun, IReadOnlyCollection<string> known, Func<string, bool> isKnown, string defaultValue) =>
        new(name)
        {
            Description = $"{char.ToUpperInvariant(noun[0])}{noun[1..]}: {string.Join(", ", known)}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
                if (!isKnown(value))
                    result.AddError($"unknown {noun} '{value}'; known: {string.Join(", ", known)}");
                return value;
            },
        };

    private static int? ParseInt(ArgumentResult result, string name, int minimum, int maximum)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum)
            return value;
        result.AddError($"{name} must be a whole number from {minimum} to {maximum} (got '{text}').");
        return null;
    }

    private static void Report(SymbolResult result, string? problem)
    {
        if (problem is not null)
            result.AddError(problem);
    }

    /// <summary>
    /// <c>--attention</c>: where a skill's network acts, attention retrieval (issue 18, part 2) with its default settings,
    /// as <c>eval</c>, <c>train</c> and <c>bench learning</c> take it.
    /// </summary>
    public static Option<bool> Attention() => new("--attention")
    {
        Description = "Where a skill's network acts, blend the skills serving its effect by attention over key similarity (an exact fit acts alone) instead of the chosen skill alone.",
    };

    /// <summary>The attention retrieval <c>--attention</c> asks for: the defaults when given, null (top-1) when not.</summary>
    public static AttentionRetrievalOptions? AttentionFrom(bool given) => given ? new AttentionRetrievalOptions() : null;

    /// <summary>
    /// <c>--adapt</c>: the procmem agent with adaptation on (issue 18, part 3), as <c>bench learning</c> and <c>train</c> take it.
    /// </summary>
    public static Option<bool> Adapt() => new("--adapt")
    {
        Description = "The procmem agent with adaptation on (issue 18, part 3): a skill that failed is not retrained on the episode's " +
            "demonstration of it; a copy is fine-tuned on it and kept as a variant if it does better (in a library, a skill of its own beside the original).",
    };
}
