using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
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

    /// <summary>A registered environment name; an unknown one fails with the list of known names.</summary>
    public static Option<string> Environment(string defaultValue) =>
        new("--env")
        {
            Description = $"Environment: {string.Join(", ", EnvironmentRegistry.Names)}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
                if (!EnvironmentRegistry.Contains(name))
                    result.AddError($"unknown environment '{name}'; known: {string.Join(", ", EnvironmentRegistry.Names)}");
                return name;
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
