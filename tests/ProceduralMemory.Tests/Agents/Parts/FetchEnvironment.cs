using ProceduralMemory.Environments;

namespace ProceduralMemory.Tests.Agents.Parts;

/// <summary>
/// A task defined only here, with no perception code: on an open <see cref="Size"/> x <see cref="Size"/> grid, walk to
/// the key, pick it up, and carry it to the goal. The layout (agent, key and goal cells) comes from the seed. The
/// observation gives the key's and the goal's offsets from the agent and whether the key is carried; nothing else.
/// </summary>
internal sealed class FetchEnvironment : IEnvironment
{
    public const int FeatureLength = FetchObservation.Length, Size = 7, Up = 0, Down = 1, Left = 2, Right = 3, PickUp = 4;
    public const int HasKeyFact = 0, DeliveredFact = 1;

    private static readonly ActionSpace ActionNames = new(["up", "down", "left", "right", "pickup"]);
    private static readonly FactSchema FactNames = new(["has_key", "delivered"]);
    private readonly FetchObservation _observation = new();
    private int _steps;

    public string Name => "fetch-test";

    public ActionSpace Actions => ActionNames;

    public FactSchema Facts => FactNames;

    public int FeatureCount => FetchObservation.Length;

    public int MaxSteps => 40;

    /// <summary>The layout of <paramref name="seed"/>: agent, key and goal on three different cells.</summary>
    public static (int Agent, int Key, int Goal) LayoutOf(int seed)
    {
        var rng = new Rng((ulong)seed);
        int agent = rng.NextInt(Size * Size), key, goal;
        do key = rng.NextInt(Size * Size); while (key == agent);
        do goal = rng.NextInt(Size * Size); while (goal == agent || goal == key);
        return (agent, key, goal);
    }

    public ResetResult Reset(int? seed = null)
    {
        var (agent, key, goal) = LayoutOf(seed ?? 0);
        _observation.Set(agent % Size, agent / Size, key % Size, key / Size, goal % Size, goal / Size);
        _steps = 0;
        return new ResetResult(_observation, new Dictionary<string, object>());
    }

    public StepResult Step(int action)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)action, (uint)ActionNames.Count, nameof(action));
        FetchObservation o = _observation;
        _steps++;
        switch (action)
        {
            case Up: o.Y = Math.Max(0, o.Y - 1); break;
            case Down: o.Y = Math.Min(Size - 1, o.Y + 1); break;
            case Left: o.X = Math.Max(0, o.X - 1); break;
            case Right: o.X = Math.Min(Size - 1, o.X + 1); break;
            case PickUp: o.HasKey |= (o.X, o.Y) == (o.KeyX, o.KeyY); break;
        }
        o.Delivered = o.HasKey && (o.X, o.Y) == (o.GoalX, o.GoalY);
        double reward = o.Delivered ? 1 - 0.9 * _steps / MaxSteps : 0;
        return new StepResult(o, reward, o.Delivered, !o.Delivered && _steps >= MaxSteps, new Dictionary<string, object>());
    }

    private sealed class FetchObservation : Observation
    {
        public const int Length = 5;

        public int X { get; set; }
        public int Y { get; set; }
        public int KeyX { get; private set; }
        public int KeyY { get; private set; }
        public int GoalX { get; private set; }
        public int GoalY { get; private set; }
        public bool HasKey { get; set; }
        public bool Delivered { get; set; }

        public void Set(int x, int y, int keyX, int keyY, int goalX, int goalY)
        {
            (X, Y, KeyX, KeyY, GoalX, GoalY) = (x, y, keyX, keyY, goalX, goalY);
            (HasKey, Delivered) = (false, false);
        }

        public override Facts Facts => new((HasKey ? 1UL << HasKeyFact : 0) | (Delivered ? 1UL << DeliveredFact : 0));

        public override int FeatureCount => Length;

        // Offsets to the key (zero once carried) and to the goal, scaled to [-1, 1], and whether the key is carried.
        public override void WriteFeatures(Span<float> destination)
        {
            destination[0] = HasKey ? 0 : (KeyX - X) / (Size - 1f);
            destination[1] = HasKey ? 0 : (KeyY - Y) / (Size - 1f);
            destination[2] = (GoalX - X) / (Size - 1f);
            destination[3] = (GoalY - Y) / (Size - 1f);
            destination[4] = HasKey ? 1 : 0;
        }

        public override Observation Clone()
        {
            var copy = new FetchObservation();
            copy.Set(X, Y, KeyX, KeyY, GoalX, GoalY);
            (copy.HasKey, copy.Delivered) = (HasKey, Delivered);
            return copy;
        }
    }
}
