using System.CommandLine;
using ProceduralMemory.Agents;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The <c>--agent</c> option: one of <see cref="AgentCatalog.Names"/>.</summary>
internal static class AgentOption
{
    public static Option<string> Create(string defaultValue = "procmem") => new("--agent")
    {
        Description = $"Agent: {string.Join(", ", AgentCatalog.Names)}.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
            if (!AgentCatalog.Contains(name))
                result.AddError($"unknown agent '{name}'; known: {string.Join(", ", AgentCatalog.Names)}");
            return name;
        },
    };
}
