using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory;

/// <summary>
/// A policy backed by a trainable <see cref="Mlp"/>: what a learner that clones networks from demonstrations can keep
/// training, and whose action scores it can read, whatever the policy's kind.
/// </summary>
public interface INetworkPolicy : ISkillPolicy
{
    /// <summary>The network choosing the actions.</summary>
    Mlp Network { get; }
}
