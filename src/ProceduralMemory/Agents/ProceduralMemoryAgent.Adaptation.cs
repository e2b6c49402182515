using ProceduralMemory.Learning;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents;

public sealed partial class ProceduralMemoryAgent
{
    /// <summary>Variants this agent kept by adapting a failing skill (<see cref="ProceduralMemoryAgentOptions.Adaptation"/>).</summary>
    public int AdaptedVariants { get; private set; }

    /// <summary>Adaptations whose copy did no better than the original on the new experience, and was dropped.</summary>
    public int RejectedAdaptations { get; private set; }

    /// <summary>
    /// <paramref name="skill"/> failed this episode and <paramref name="steps"/> then achieved its effect: a copy of its
    /// network is fine-tuned on them and, if it does better on their held-out steps, kept as a new skill with the same
    /// preconditions and effect, keyed by where the steps began. The original is only read: its network, demonstrations
    /// and key stay as they were.
    /// </summary>
    private void Adapt(Skill skill, IReadOnlyList<AgentStep> steps, float[] key, SkillAdaptationOptions options)
    {
        SkillAdaptationResult result = SkillAdaptation.Adapt(_modules[skill.Id].Network, [steps],
            options with { Seed = options.Seed ^ _options.Seed + (ulong)(AdaptedVariants + RejectedAdaptations) });
        if (!result.Accepted)
        {
            RejectedAdaptations++;
            return;
        }
        var module = new SkillModule(result.Copy, [steps], _options.DemonstrationsPerSkill);
        var variant = new Skill(NameFor(skill.Effect), skill.Preconditions, skill.Effect, new MlpPolicy(result.Copy),
            new SkillTermination(skill.Effect, StepLimit(module)), key) { Id = Library.Skills.Max(s => s.Id) + 1 };
        variant.Statistics.RecordDemonstration();
        Library.Restore(variant);
        _modules[variant.Id] = module;
        AdaptedVariants++;
    }
}
