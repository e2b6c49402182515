namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The fewest actions that take a MiniGrid environment from its current state to success, i.e. to a step that
/// ends the episode with a positive reward, whatever the task's rule for it (walking onto the goal, picking up
/// the named object, <c>done</c> in front of the named door). Used only for evaluation (the benchmarks'
/// <c>optimal_mean_steps</c> and <c>optimal_mean_return</c>), never by an agent: it reads the whole grid, which
/// no agent observes.
/// </summary>
/// <remarks>
/// <para>Breadth-first search over the simulator's whole state, by stepping the environment itself: the task's own
/// rules (<see cref="MiniGridEnvironment.Step"/> and its hooks) decide every move, reward and termination. A search
/// state is the agent's cell, direction and carried object plus every grid cell that differs from the start (a door
/// opened, a key taken, a ball put down elsewhere). Together with the targets the task found as the episode began,
/// that is everything MiniGrid's rules read, so equal states have equal futures; a task that kept other mutable
/// state between steps would not be searched correctly.</para>
/// <para>Every state tries the seven actions in MiniGrid's order (left, right, forward, pickup, drop, toggle, done):
/// <c>drop</c> matters where an object is in the way, <c>done</c> where the task rewards it. The one exception is
/// <c>drop</c> where it cannot matter, on a task without step rules of its own (<c>BeforeStep</c>, <c>AfterStep</c>)
/// whose start holds at most one object to carry and no box: there MiniGrid's rules never need empty hands again
/// once the object is taken, so putting it down can only block a cell (DoorKey; it keeps that search small). A step that ends the
/// episode without reward (lava, a wrong object picked up, the step limit) is a dead end. Ties between equally short
/// plans go to the lowest action at each step, so a plan is a function of the state searched from.</para>
/// <para>Bounded: the search stores at most a budget of distinct states (<see cref="DefaultStateBudget"/>, 500,000,
/// unless told otherwise) and answers <c>null</c> when it runs out, as it does when no plan exists. The environment
/// is left exactly as it was found.</para>
/// </remarks>
public static class ShortestPathSolver
{
    /// <summary>The number of distinct states a search stores before it gives up.</summary>
    public const int DefaultStateBudget = 500_000;

    /// <summary>
    /// A shortest action sequence from <paramref name="layout"/>'s start to the goal under MiniGrid's own rules (no
    /// task hooks), or <c>null</c> when there is none or the search exceeds <paramref name="stateBudget"/> states.
    /// </summary>
    public static int[]? Solve(MiniGridLayout layout, int stateBudget = DefaultStateBudget)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var environment = new LayoutRulesEnvironment(layout.Width, layout.Height);
        environment.Reset(layout);
        return Solve(environment, stateBudget);
    }

    /// <summary>
    /// A shortest action sequence from the state <paramref name="environment"/> is in to a step that ends the episode
    /// with a positive reward under its task's rules, or <c>null</c> when there is none within the step limit or the
    /// search exceeds <paramref name="stateBudget"/> states. The environment is left as it was.
    /// </summary>
    /// <exception cref="InvalidOperationException">The episode is over or was never started.</exception>
    /// <exception cref="ArgumentException">The grid is too large to search (over about 240 cells a side).</exception>
    public static int[]? Solve(MiniGridEnvironment environment, int stateBudget = DefaultStateBudget)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateBudget);
        AgentSnapshot start = environment.CaptureAgent();
        if (start.EpisodeOver)
            throw new InvalidOperationException("The episode is over (or was never started): reset the environment first.");
        // A state stores the agent's x and y in a byte each and a cell's row-major index in two.
        if (environment.Width > byte.MaxValue || environment.Height > byte.MaxValue || environment.Grid.RowMajorCodes.Length > ushort.MaxValue + 1)
            throw new ArgumentException($"A {environment.Width}x{environment.Height} grid is too large to search.", nameof(environment));
        var search = new StateSearch(environment, stateBudget);
        try
        {
            return search.Run(start);
        }
        finally
        {
            search.RestoreStart(start);
        }
    }

    /// <summary>
    /// One breadth-first search. States are byte strings: x, y, direction, carried code, then (row-major index, low
    /// byte first, and code) for every cell that differs from the start, in index order.
    /// </summary>
    private sealed class StateSearch
    {
        private const int PoseLength = 4, CellLength = 3;

        private readonly MiniGridEnvironment _environment;
        private readonly CellGrid _grid;
        private readonly byte[] _startCodes;
        private readonly int _budget;
        private readonly List<byte[]> _states = [];
        private readonly List<int> _parents = [];
        private readonly List<byte> _actions = [];
        private readonly List<int> _depths = [];
        private readonly Dictionary<byte[], int> _seen = new(StateComparer.Instance);
        private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _seenBySpan;
        private readonly bool _dropCanMatter;
        private readonly byte[] _scratch;
        private byte[] _held; // the state whose changed cells the grid holds now

        public StateSearch(MiniGridEnvironment environment, int budget)
        {
            _environment = environment;
            _grid = environment.Grid;
            _startCodes = _grid.RowMajorCodes.ToArray();
            _budget = budget;
            _seenBySpan = _seen.GetAlternateLookup<ReadOnlySpan<byte>>();
            _scratch = new byte[PoseLength + CellLength * _startCodes.Length];
            _held = new byte[PoseLength]; // no cell changed
            _dropCanMatter = DropCanMatter(environment, _startCodes);
        }

        private static bool DropCanMatter(MiniGridEnvironment environment, ReadOnlySpan<byte> codes)
        {
            if (environment.HasStepRules)
                return true;
            byte carried = environment.CaptureAgent().Carrying;
            int objects = carried == CellPalette.EmptyCode ? 0 : 1;
            bool box = IsBox(carried);
            foreach (byte code in codes)
            {
                if ((CellPalette.Flags[code] & CellPalette.CanPickUpFlag) != 0)
                {
                    objects++;
                    box |= IsBox(code);
                }
            }
            return objects > 1 || box;
        }

        private static bool IsBox(byte code) => (CellPalette.Cells[code] & 0xFF) == (uint)ObjectType.Box;

        public int[]? Run(AgentSnapshot start)
        {
            if (!TryAdd(DescribeCurrent(), parent: -1, action: 0, depth: 0, out _))
                return null;
            for (int i = 0; i < _states.Count; i++)
            {
                byte[] state = _states[i];
                var agent = new AgentSnapshot(state[0], state[1], state[2], state[3], start.Steps + _depths[i], EpisodeOver: false);
                for (int action = MiniGridEnvironment.Left; action <= MiniGridEnvironment.Done; action++)
                {
                    if (action == MiniGridEnvironment.Drop && !_dropCanMatter)
                        continue;
                    PutGrid(state);
                    _environment.RestoreAgent(agent);
                    StepResult result = _environment.Step(action);
                    if (result.Terminated && result.Reward > 0)
                        return Plan(i, action);
                    ReadOnlySpan<byte> next = DescribeCurrent();
                    if (result.Terminated || result.Truncated)
                    {
                        _held = next.ToArray();
                        continue;
                    }
                    if (!TryAdd(next, i, action, _depths[i] + 1, out byte[] stored))
                        return null;
                    _held = stored;
                }
            }
            return null;
        }

        /// <summary>Puts the grid and the agent back as they were when the search began.</summary>
        public void RestoreStart(AgentSnapshot start)
        {
            PutGrid(new byte[PoseLength]);
            _environment.RestoreAgent(start);
        }

        // False when the state is new and the budget is spent; `stored` is the state's one array either way.
        private bool TryAdd(ReadOnlySpan<byte> state, int parent, int action, int depth, out byte[] stored)
        {
            if (_seenBySpan.TryGetValue(state, out int known))
            {
                stored = _states[known];
                return true;
            }
            stored = state.ToArray();
            if (_states.Count == _budget)
                return false;
            _seen.Add(stored, _states.Count);
            _states.Add(stored);
            _parents.Add(parent);
            _actions.Add((byte)action);
            _depths.Add(depth);
            return true;
        }

        private ReadOnlySpan<byte> DescribeCurrent()
        {
            AgentSnapshot agent = _environment.CaptureAgent();
            _scratch[0] = (byte)agent.X;
            _scratch[1] = (byte)agent.Y;
            _scratch[2] = (byte)agent.Direction;
            _scratch[3] = agent.Carrying;
            int length = PoseLength;
            ReadOnlySpan<byte> now = _grid.RowMajorCodes;
            for (int index = now.CommonPrefixLength(_startCodes); index < now.Length;
                index += 1 + now[(index + 1)..].CommonPrefixLength(_startCodes.AsSpan(index + 1)))
            {
                _scratch[length] = (byte)index;
                _scratch[length + 1] = (byte)(index >> 8);
                _scratch[length + 2] = now[index];
                length += CellLength;
            }
            return _scratch.AsSpan(0, length);
        }

        // Makes the grid hold the start with `state`'s changed cells, writing only when it holds other changes now.
        private void PutGrid(byte[] state)
        {
            if (ReferenceEquals(state, _held) || ChangedCells(state).SequenceEqual(ChangedCells(_held)))
            {
                _held = state;
                return;
            }
            ReadOnlySpan<byte> undo = ChangedCells(_held);
            for (int at = 0; at < undo.Length; at += CellLength)
                Write(undo[at] | undo[at + 1] << 8, _startCodes[undo[at] | undo[at + 1] << 8]);
            ReadOnlySpan<byte> redo = ChangedCells(state);
            for (int at = 0; at < redo.Length; at += CellLength)
                Write(redo[at] | redo[at + 1] << 8, redo[at + 2]);
            _held = state;
        }

        private static ReadOnlySpan<byte> ChangedCells(byte[] state) => state.AsSpan(PoseLength);

        private void Write(int index, byte code)
        {
            var (x, y) = _grid.PositionOfRowMajor(index);
            _grid.Write(x, y, code);
        }

        private int[] Plan(int last, int finalAction)
        {
            var actions = new List<int> { finalAction };
            for (int state = last; _parents[state] >= 0; state = _parents[state])
                actions.Add(_actions[state]);
            actions.Reverse();
            return [.. actions];
        }
    }

    /// <summary>Compares search states by content, as arrays or as spans (so that a lookup allocates nothing).</summary>
    private sealed class StateComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly StateComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] state) => Hash(state);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> state)
        {
            var hash = new HashCode();
            hash.AddBytes(state);
            return hash.ToHashCode();
        }
    }
}
