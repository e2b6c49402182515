using ProceduralMemory.Neural;

namespace ProceduralMemory.Learning;

/// <summary>
/// The trainable part of a neural skill: its demonstrations and the network cloned from them. Each skill owns
/// one, so training one skill never changes another (no catastrophic forgetting across skills).
/// </summary>
public sealed class SkillModule
{
    private readonly List<IReadOnlyList<AgentStep>> _demonstrations = [];
    private readonly int _capacity;
    private bool _changed;

    /// <summary>Creates an untrained module for <paramref name="featureCount"/> features and <paramref name="actionCount"/> actions.</summary>
    public SkillModule(int featureCount, int actionCount, IReadOnlyList<int> hiddenSizes, int capacity, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Network = new Mlp(featureCount, hiddenSizes.ToArray(), actionCount, seed);
        _capacity = capacity;
    }

    /// <summary>A module around an existing (e.g. stored) <paramref name="network"/> and its kept demonstrations, oldest first; nothing to retrain until a new demonstration arrives.</summary>
    public SkillModule(Mlp network, IEnumerable<IReadOnlyList<AgentStep>> demonstrations, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Network = network ?? throw new ArgumentNullException(nameof(network));
        _capacity = capacity;
        foreach (var demonstration in demonstrations)
            Keep(demonstration);
    }

    /// <summary>The policy network.</summary>
    public Mlp Network { get; }

    /// <summary>Demonstrations kept.</summary>
    public int DemonstrationCount => _demonstrations.Count;

    /// <summary>The kept demonstrations, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<AgentStep>> Demonstrations => _demonstrations;

    /// <summary>Whether a demonstration arrived since the last <see cref="Retrain"/> (which does nothing otherwise).</summary>
    public bool NeedsRetraining => _changed;

    /// <summary>The number of steps of the longest kept demonstration.</summary>
    public int LongestDemonstration => _demonstrations.Count == 0 ? 0 : _demonstrations.Max(d => d.Count);

    /// <summary>Keeps <paramref name="steps"/>; past capacity the oldest demonstration goes.</summary>
    /// <remarks>
    /// Oldest rather than longest: dropping long demonstrations would leave only the easy starts (a key right in
    /// front), and the network would never see the situations that need skill; recent ones come from better policies.
    /// </remarks>
    public void AddDemonstration(IReadOnlyList<AgentStep> steps)
    {
        if (steps.Count == 0)
            return;
        Keep(steps);
        _changed = true;
    }

    /// <summary>
    /// Replaces the kept demonstrations with <paramref name="demonstrations"/> (oldest first; past capacity the
    /// oldest go), e.g. with a shared library's, which other agents add to; the network retrains on them next time.
    /// </summary>
    public void ReplaceDemonstrations(IEnumerable<IReadOnlyList<AgentStep>> demonstrations)
    {
        _demonstrations.Clear();
        foreach (var demonstration in demonstrations)
            Keep(demonstration);
        _changed = true;
    }

    private void Keep(IReadOnlyList<AgentStep> steps)
    {
        _demonstrations.Add(steps);
        if (_demonstrations.Count > _capacity)
            _demonstrations.RemoveAt(0);
    }

    /// <summary>Continues training the network on every kept demonstration, if any arrived since the last time.</summary>
    public BehaviourCloningResult? Retrain(BehaviourCloningOptions options)
    {
        if (!_changed)
            return null;
        _changed = false;
        var data = new Demonstrations(Network.InputSize);
        foreach (var demonstration in _demonstrations)
            foreach (AgentStep step in demonstration)
                data.Add(step.Features, step.Action);
        return BehaviourCloning.Train(Network, data, options);
    }
}
