using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
    /// and key stay as they were. The variant is labelled by its key (<see cref="AdaptedLabel"/>), so that in a store it
    /// is its own row beside the original, and two agents adapting on the same situation make one.
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
            new SkillTermination(skill.Effect, StepLimit(module)), key) { Variant = AdaptedLabel(key) };
        variant.Statistics.RecordDemonstration();
        AdaptedVariants++;
        if (_store is not null)
        {
            StoreNewSkill(variant, module, [steps]);
            return;
        }
        variant.Id = Library.Skills.Max(s => s.Id) + 1;
        Library.Restore(variant);
        _modules[variant.Id] = module;
    }

    /// <summary>
    /// An adapted variant's label: the first 8 bytes of the SHA-256 of its key's bits. Derived from what made the variant
    /// (where its demonstration began), not from a count, so that it is the same in every agent that makes it.
    /// </summary>
    private static string AdaptedLabel(float[] key) =>
        string.Create(CultureInfo.InvariantCulture, $"adapted {Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan())), 0, 8)}");
}
