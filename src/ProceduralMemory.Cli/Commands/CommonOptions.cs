using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Postgres;

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

    /// <summary>
    /// The <c>--library</c> option: the skill library to learn into or read from. Where a default applies, the
    /// environment variable <c>PROCMEM_LIBRARY</c> overrides it, so a team can point every command at a shared library once.
    /// </summary>
    public static Option<string> Library(string? defaultValue = Cli.Library.SkillStores.DefaultLibrary)
    {
        var option = new Option<string>("--library")
        {
            Description = (defaultValue is null
                ? "Skill library to learn into; none by default."
                : $"Skill library (default: ${Cli.Library.SkillStores.LibraryVariable}, else {defaultValue} in the working directory).")
                + " A file name (SQLite), or a PostgreSQL connection string or postgres:// URI.",
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
        return option;
    }

    /// <summary>The <c>--env</c> option: a registered environment name.</summary>
    public static Option<string> Environment(string defaultValue) =>
        NamedChoice("--env", "environment", EnvironmentRegistry.Names, EnvironmentRegistry.Contains, defaultValue);

    /// <summary>The <c>--agent</c> option: a learning agent's name.</summary>
    public static Option<string> Agent(string defaultValue = "procmem") =>
        NamedChoice("--agent", "agent", AgentCatalog.Names, AgentCatalog.Contains, defaultValue);

    /// <summary>An option naming one of <paramref name="known"/>; anything else is an error that lists them.</summary>
    private static Option<string> NamedChoice(string name, string noun, IReadOnlyCollection<string> known, Func<string, bool> isKnown, string defaultValue) =>
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
}
