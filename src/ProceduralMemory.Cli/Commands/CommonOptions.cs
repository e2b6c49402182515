using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Cli.Commands;

/// <summary>Options shared by several commands, built one way so they read and validate alike.</summary>
internal static class CommonOptions
{
    /// <summary>An integer option that must be at least 1.</summary>
    public static Option<int> PositiveInt(string name, string description, int defaultValue) =>
        BoundedInt(name, description, defaultValue, minimum: 1, "a positive whole number");

    /// <summary>The seed every run is a function of.</summary>
    public static Option<int> Seed(int defaultValue = 42) =>
        BoundedInt("--seed", "Random seed: the same seed gives the same run.", defaultValue, minimum: 0, "a whole number from 0 up");

    /// <summary>The folder that receives a run's files.</summary>
    public static Option<string> OutputDirectory(string defaultValue = "procmem-out") =>
        new("--out") { Description = "Folder for the run's files (created if missing).", DefaultValueFactory = _ => defaultValue };

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

    private static Option<int> BoundedInt(string name, string description, int defaultValue, int minimum, string expectation) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            // Parsed here rather than validated afterwards so that "abc" and "0" get the same clear message.
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum)
                    return value;
                result.AddError($"{name} must be {expectation} (got '{text}').");
                return default;
            },
        };
}
