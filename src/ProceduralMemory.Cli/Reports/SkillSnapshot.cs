using System.Text.Json.Serialization;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Reports;

/// <summary>One skill as the library held it at an evaluation: what it is, and its counts so far (library totals).</summary>
/// <param name="Id">The library's id.</param>
/// <param name="Name">The skill's name.</param>
/// <param name="Preconditions">Its preconditions, formatted.</param>
/// <param name="Effect">Its effect, formatted.</param>
/// <param name="Policy">Its policy's kind and shape, as <c>procmem skills list</c> shows it.</param>
/// <param name="Uses">Executions so far.</param>
/// <param name="Successes">Successful executions so far.</param>
/// <param name="Demonstrations">Demonstrations merged into it so far.</param>
/// <param name="KeptDemonstrations">Demonstrations this agent keeps to train the skill's network on.</param>
/// <param name="Contexts">The per-context lifecycle's line on it (split, variant, decay), or null when it says nothing or is off.</param>
/// <param name="Retired">Why the lifecycle retired it (with the episode), or null while it is active (and in runs from before the lifecycle).</param>
internal sealed record SkillSnapshot(
    int Id,
    string Name,
    string Preconditions,
    string Effect,
    string Policy,
    int Uses,
    int Successes,
    int Demonstrations,
    int KeptDemonstrations,
    string? Retired = null,
    string? Contexts = null)
{
    /// <summary>Successes over uses, or null for a skill never used.</summary>
    [JsonIgnore]
    public double? SuccessRate => Uses == 0 ? null : (double)Successes / Uses;

    /// <summary><paramref name="skill"/> as <paramref name="agent"/> holds it now.</summary>
    public static SkillSnapshot Of(Skill skill, ProceduralMemoryAgent agent, FactSchema facts)
    {
        StoredPolicy policy = StoredPolicy.Of(skill.Policy);
        return new SkillSnapshot(skill.Id, skill.Name, skill.Preconditions.Format(facts), skill.Effect.Format(facts),
            $"{policy.Kind} {policy.Shape}", skill.Statistics.Uses, skill.Statistics.Successes, skill.Statistics.Demonstrations,
            agent.HasModule(skill.Id) ? agent.ModuleOf(skill.Id).DemonstrationCount : 0,
            skill.Retirement is { } retired ? $"{retired.Reason} (episode {retired.Episode})" : null,
            agent.ContextLifecycle?.Describe(skill));
    }

    /// <summary>Why this snapshot cannot be reported, or null when it can.</summary>
    public string? Problem() =>
        Uses < 0 || Successes < 0 || Successes > Uses ? $"skill #{Id} has {Successes} successes in {Uses} uses"
        : Demonstrations < 0 || KeptDemonstrations < 0 ? $"skill #{Id} has a negative count of demonstrations"
        : null;
}
