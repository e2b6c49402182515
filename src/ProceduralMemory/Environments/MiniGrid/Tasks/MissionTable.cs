namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// Every mission a task can give, built once: the text for a target, and the target a text names. Generating
/// and starting an episode then allocate no strings, and a mission the task cannot give is rejected.
/// </summary>
/// <typeparam name="TTarget">What a mission names, e.g. a door's colour.</typeparam>
public sealed class MissionTable<TTarget>
    where TTarget : struct
{
    private readonly Dictionary<TTarget, string> _texts = [];
    private readonly Dictionary<string, TTarget> _targets = new(StringComparer.Ordinal);
    private readonly string _task;

    /// <summary>Phrases each of <paramref name="targets"/> with <paramref name="phrase"/>, for the task named <paramref name="task"/>.</summary>
    /// <exception cref="ArgumentException">Two targets are phrased alike.</exception>
    public MissionTable(string task, IEnumerable<TTarget> targets, Func<TTarget, string> phrase)
    {
        _task = task;
        foreach (TTarget target in targets)
        {
            string text = phrase(target);
            _texts.Add(target, text);
            _targets.Add(text, target);
        }
    }

    /// <summary>The number of missions.</summary>
    public int Count => _texts.Count;

    /// <summary>The mission naming <paramref name="target"/>.</summary>
    public string TextOf(TTarget target) => _texts[target];

    /// <summary>The target <paramref name="mission"/> names.</summary>
    /// <exception cref="ArgumentException">The task never gives that mission.</exception>
    public TTarget TargetOf(string mission) =>
        _targets.TryGetValue(mission, out TTarget target)
            ? target
            : throw new ArgumentException($"'{mission}' is not a {_task} mission.", nameof(mission));
}
