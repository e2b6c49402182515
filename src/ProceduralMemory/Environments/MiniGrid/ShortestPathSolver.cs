namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The fewest actions that take a MiniGrid agent from a layout's start to the goal, by breadth-first search over
/// (cell, direction, key carried, door states) on the simulator's full state. Used only for evaluation (the
/// benchmark's <c>optimal_mean_steps</c>), never by an agent: it reads the whole grid, which no agent observes.
/// </summary>
/// <remarks>
/// <para>The moves follow the cells' own rules (<see cref="WorldObject.CanOverlap"/>, <see cref="WorldObject.CanPickUp"/>,
/// <see cref="WorldObject.Toggle"/>), as the environment's tables do, and a forward onto a <see cref="Goal"/> ends the
/// search; a forward onto <see cref="Lava"/> is never taken, since it ends the episode without success. The search tries left, right, forward, pickup and toggle. It leaves out <c>done</c>, which does nothing,
/// and <c>drop</c>: with at most one object to carry, as in DoorKey, nothing ever needs empty hands again, so
/// putting the object down can only block a cell, never shorten a path. Layouts with more than one object to carry
/// (where swapping could matter) are refused rather than answered wrongly.</para>
/// <para>Ties between equally short plans go to the lowest action number at each step, so a plan is a function of the layout.</para>
/// </remarks>
public static class ShortestPathSolver
{
    private static readonly int[] Moves = [MiniGridEnvironment.Left, MiniGridEnvironment.Right, MiniGridEnvironment.Forward,
        MiniGridEnvironment.PickUp, MiniGridEnvironment.Toggle];

    /// <summary>
    /// A shortest action sequence from <paramref name="layout"/>'s start (empty-handed) to the goal, or <c>null</c>
    /// when the goal cannot be reached.
    /// </summary>
    /// <exception cref="ArgumentException">The layout holds more than one object that can be carried, or more than 16 doors.</exception>
    public static int[]? Solve(MiniGridLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var world = new World(layout);
        var start = new State(layout.AgentPosition.X, layout.AgentPosition.Y, (int)layout.AgentDirection, Carrying: false, world.InitialDoors);
        var cameFrom = new Dictionary<State, (State Previous, int Action)> { [start] = (start, -1) };
        var frontier = new Queue<State>();
        frontier.Enqueue(start);
        while (frontier.TryDequeue(out State state))
        {
            foreach (int action in Moves)
            {
                var (next, reachedGoal) = world.Apply(state, action);
                if (reachedGoal)
                    return Plan(cameFrom, state, action);
                if (cameFrom.TryAdd(next, (state, action)))
                    frontier.Enqueue(next);
            }
        }
        return null;
    }

    /// <summary>
    /// A shortest plan from the state <paramref name="environment"/> is in: freshly reset, so nothing is carried
    /// (the search does not model a carried object at the start).
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent carries something.</exception>
    public static int[]? Solve(MiniGridEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Carrying is not null)
            throw new InvalidOperationException("The solver starts empty-handed: reset the environment first.");
        return Solve(environment.CurrentLayout());
    }

    private static int[] Plan(Dictionary<State, (State Previous, int Action)> cameFrom, State last, int finalAction)
    {
        var actions = new List<int> { finalAction };
        for (State state = last; cameFrom[state].Action >= 0; state = cameFrom[state].Previous)
            actions.Add(cameFrom[state].Action);
        actions.Reverse();
        return [.. actions];
    }

    /// <summary>A search state: the agent's cell and direction, whether it carries the one object, each door's state (2 bits per door).</summary>
    private readonly record struct State(int X, int Y, int Direction, bool Carrying, uint Doors);

    /// <summary>The static grid plus where its carriable object and its doors are, to read any state's cell.</summary>
    private sealed class World
    {
        private static readonly Empty Nothing = new();
        private readonly MiniGridLayout _layout;
        private readonly (int X, int Y)? _carriable;
        private readonly List<(int X, int Y, Door Door)> _doors = [];

        public World(MiniGridLayout layout)
        {
            _layout = layout;
            for (int y = 0; y < layout.Height; y++)
            {
                for (int x = 0; x < layout.Width; x++)
                {
                    WorldObject cell = layout.Grid.Get(x, y);
                    if (cell.CanPickUp)
                    {
                        if (_carriable is not null)
                            throw new ArgumentException("The solver handles at most one object that can be carried.", nameof(layout));
                        _carriable = (x, y);
                        Carried = cell;
                    }
                    else if (cell is Door door)
                    {
                        if (_doors.Count == 16)
                            throw new ArgumentException("The solver handles at most 16 doors.", nameof(layout));
                        InitialDoors |= (uint)door.State << (2 * _doors.Count);
                        _doors.Add((x, y, door));
                    }
                }
            }
        }

        /// <summary>The object the agent would carry once it has picked it up.</summary>
        public WorldObject? Carried { get; }

        /// <summary>The doors' states at the start.</summary>
        public uint InitialDoors { get; }

        /// <summary>The state after <paramref name="action"/>, and whether the action walked onto the goal.</summary>
        public (State Next, bool ReachedGoal) Apply(State state, int action)
        {
            int frontX = state.X + AgentView.ForwardX[state.Direction], frontY = state.Y + AgentView.ForwardY[state.Direction];
            WorldObject front = CellAt(state, frontX, frontY);
            switch (action)
            {
                case MiniGridEnvironment.Left:
                    return (state with { Direction = (state.Direction + 3) & 3 }, false);
                case MiniGridEnvironment.Right:
                    return (state with { Direction = (state.Direction + 1) & 3 }, false);
                case MiniGridEnvironment.Forward:
                    if (front is Goal)
                        return (state, true);
                    if (front is Lava)
                        return (state, false); // walking onto lava ends the episode unsolved: never part of a plan
                    return (front.CanOverlap ? state with { X = frontX, Y = frontY } : state, false);
                case MiniGridEnvironment.PickUp:
                    return (front.CanPickUp && !state.Carrying ? state with { Carrying = true } : state, false);
                case MiniGridEnvironment.Toggle:
                    int door = DoorAt(frontX, frontY);
                    if (door < 0 || front.Toggle(state.Carrying ? Carried : null) is not Door toggled)
                        return (state, false);
                    uint mask = 3u << (2 * door);
                    return (state with { Doors = (state.Doors & ~mask) | ((uint)toggled.State << (2 * door)) }, false);
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, "The solver does not search this action.");
            }
        }

        private WorldObject CellAt(State state, int x, int y)
        {
            if (state.Carrying && _carriable == (x, y))
                return Nothing; // picked up: the cell is empty now
            int door = DoorAt(x, y);
            if (door >= 0)
                return _doors[door].Door with { State = (DoorState)((state.Doors >> (2 * door)) & 3) };
            return _layout.Grid.Get(x, y);
        }

        private int DoorAt(int x, int y)
        {
            for (int i = 0; i < _doors.Count; i++)
                if (_doors[i].X == x && _doors[i].Y == y)
                    return i;
            return -1;
        }
    }
}
