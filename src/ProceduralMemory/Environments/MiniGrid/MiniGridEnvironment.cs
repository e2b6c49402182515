using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's rules (<c>MiniGridEnv.step</c>) over a <see cref="CellGrid"/>; a task subclass generates its
/// grid and mission and, where MiniGrid's task overrides <c>step</c>, adjusts reward and termination in
/// <see cref="AfterStep"/>. Actions: left, right, forward, pickup, drop, toggle, done. Reward
/// <see cref="SuccessReward"/> (<c>1 - 0.9 * step_count / max_steps</c>) on walking onto the goal (which
/// terminates the episode); walking onto lava terminates it with no reward; truncated when the step count reaches
/// <see cref="MaxSteps"/> (MiniGrid reports both flags when the goal is reached on the last step).
/// </summary>
/// <remarks>
/// <para>MiniGrid's quirks are kept: forward into a wall, closed door or key does nothing; pickup needs empty
/// hands; drop only onto an empty cell in front; toggling a locked door with a key of its colour unlocks and
/// opens it in one step; toggling a box replaces it with its contents; <c>done</c> does nothing.</para>
/// <para>A task's targets (which door, which object) are read from the grid and the mission in
/// <see cref="BeginTask"/>, at the start of every episode, whether generated or started from a layout, so that
/// both behave alike.</para>
/// <para>A step allocates nothing: the grid is a byte per cell, the rules are read from tables filled once from
/// the <see cref="WorldObject"/> types, and the 7x7 view is built in place in the one observation.</para>
/// </remarks>
public abstract class MiniGridEnvironment : IEnvironment, ITextRenderable, ILayoutFingerprint, IPerceptionProvider, IShortestPlan
{
    /// <summary>Action indices, in the order of <see cref="Actions"/> (MiniGrid's numbering).</summary>
    public const int Left = 0, Right = 1, Forward = 2, PickUp = 3, Drop = 4, Toggle = 5, Done = 6;

    private static readonly ActionSpace ActionNames = new(["left", "right", "forward", "pickup", "drop", "toggle", "done"]);

    private readonly CellGrid _grid;
    private readonly MiniGridObservation _observation = new();
    private readonly int[] _orientation = new int[4];
    private readonly int[] _rowStarts = new int[4 * AgentView.Size];
    private Rng? _rng;
    private int _x, _y;
    private int _direction;
    private byte _carrying;
    private int _steps;
    private bool _episodeOver = true;
    private string _mission = "";

    // The opaque flag (the top bit of a cell's code) of each of a view row's 7 codes; no bits when nothing occludes.
    private const ulong OpaqueBitOfEachCode = 0x0080_8080_8080_8080UL;
    private readonly ulong _opaqueBits;

    /// <summary>
    /// Creates an environment on a <paramref name="width"/> x <paramref name="height"/> grid; with
    /// <paramref name="seeThroughWalls"/> (MiniGrid's <c>see_through_walls</c>) nothing hides what lies behind it
    /// in the agent's view.
    /// </summary>
    protected MiniGridEnvironment(string name, int width, int height, int maxSteps, bool seeThroughWalls = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        Name = name;
        MaxSteps = maxSteps;
        SeeThroughWalls = seeThroughWalls;
        _opaqueBits = seeThroughWalls ? 0 : OpaqueBitOfEachCode;
        _grid = new CellGrid(width, height);
        for (int dir = 0; dir < 4; dir++)
            _orientation[dir] = FindOrientation(dir, _rowStarts.AsSpan(dir * AgentView.Size, AgentView.Size));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>True when the agent's view is not occluded (MiniGrid's <c>see_through_walls</c>): every cell of the 7x7 square is seen.</summary>
    public bool SeeThroughWalls { get; }

    /// <inheritdoc />
    public ActionSpace Actions => ActionNames;

    /// <inheritdoc />
    public FactSchema Facts => MiniGridObservation.FactNames;

    /// <inheritdoc />
    public int FeatureCount => MiniGridObservation.FeatureLength;

    /// <inheritdoc />
    public int MaxSteps { get; }

    /// <inheritdoc />
    /// <remarks>A <see cref="MiniGridPerception"/>: a remembered map, a dead-reckoned pose and remembered doors.</remarks>
    public IPerception CreatePerception() => new MiniGridPerception();

    /// <summary>The grid's width.</summary>
    public int Width => _grid.Width;

    /// <summary>The grid's height.</summary>
    public int Height => _grid.Height;

    /// <summary>Steps taken in the current episode.</summary>
    public int StepCount => _steps;

    /// <summary>The agent's cell.</summary>
    public CellPosition AgentPosition => new(_x, _y);

    /// <summary>The agent's direction.</summary>
    public Direction AgentDirection => (Direction)_direction;

    /// <summary>The object the agent carries, or null.</summary>
    public WorldObject? Carrying => _carrying == CellPalette.EmptyCode ? null : CellPalette.ObjectOf(_carrying);

    /// <summary>The object at (<paramref name="x"/>, <paramref name="y"/>) now (the agent is not part of the grid).</summary>
    public WorldObject CellAt(int x, int y) => _grid.Get(x, y);

    /// <summary>The current episode's mission, e.g. <c>get to the green goal square</c>.</summary>
    public string Mission => _mission;

    /// <summary>The cell in front of the agent.</summary>
    public CellPosition FrontPosition => new(_x + AgentView.ForwardX[_direction], _y + AgentView.ForwardY[_direction]);

    /// <summary>The current state as a layout (a copy): start a new episode from it with <see cref="Reset(MiniGridLayout)"/>.</summary>
    public MiniGridLayout CurrentLayout() => new(_grid, AgentPosition, AgentDirection, _mission);

    /// <summary>The observation of the current state (owned by the environment, like those of Reset and Step).</summary>
    public MiniGridObservation Observation => _observation;

    /// <inheritdoc />
    /// <remarks>
    /// Two characters per cell, the object's letter and its colour's (<c>Ky</c> a yellow key, <c>Lr</c> a locked red
    /// door, <c>##</c> a grey wall, <c>~~</c> lava, <c>&gt;&gt;</c> the agent facing right), then the mission, what the
    /// agent carries, what each box holds, and a legend (see <see cref="MiniGridText"/>).
    /// </remarks>
    public string RenderText() => MiniGridText.Render(this);

    /// <summary>
    /// The shortest plan from the current state (<see cref="ShortestPathSolver"/>, within its default state budget):
    /// for evaluation only. The environment is left exactly as it was.
    /// </summary>
    public int[]? ShortestPlan() => ShortestPathSolver.Solve(this);

    /// <summary>The grid itself, for the solver, which steps this environment from states it sets.</summary>
    internal CellGrid Grid => _grid;

    /// <summary>True when the task overrides <see cref="BeforeStep"/> or <see cref="AfterStep"/>: rules of its own may reward or end a step.</summary>
    internal bool HasStepRules =>
        DeclaresOwn(nameof(BeforeStep)) || DeclaresOwn(nameof(AfterStep));

    private bool DeclaresOwn(string hook) =>
        GetType().GetMethod(hook, BindingFlags.Instance | BindingFlags.NonPublic)!.DeclaringType != typeof(MiniGridEnvironment);

    /// <summary>The episode state besides the grid.</summary>
    internal AgentSnapshot CaptureAgent() => new(_x, _y, _direction, _carrying, _steps, _episodeOver);

    /// <summary>
    /// Puts the agent back as <paramref name="snapshot"/> describes (the grid is the caller's to set) and rebuilds
    /// the observation; the task's targets stay those <see cref="BeginTask"/> found for the episode.
    /// </summary>
    internal void RestoreAgent(AgentSnapshot snapshot)
    {
        (_x, _y, _direction, _carrying, _steps, _episodeOver) =
            (snapshot.X, snapshot.Y, snapshot.Direction, snapshot.Carrying, snapshot.Steps, snapshot.EpisodeOver);
        BuildObservation();
    }

    /// <inheritdoc />
    /// <remarks>
    /// With a seed, the environment's generator is reseeded; without one it continues (from seed 0 if it was never
    /// seeded, so that even an unseeded run is reproducible).
    /// </remarks>
    public ResetResult Reset(int? seed = null)
    {
        if (seed is int s)
            _rng = new Rng(unchecked((ulong)s));
        _rng ??= new Rng(0);
        _grid.Clear();
        EpisodeStart start = Generate(_grid, _rng);
        return Start(start.Agent, start.Direction, start.Mission);
    }

    /// <summary>Starts an episode from <paramref name="layout"/> (no randomness is used).</summary>
    /// <exception cref="ArgumentException">The layout's size differs from this environment's.</exception>
    public ResetResult Reset(MiniGridLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.Grid.CopyTo(_grid);
        return Start(layout.AgentPosition, layout.AgentDirection, layout.Mission);
    }

    /// <inheritdoc />
    /// <remarks>Generates the layout into a grid of its own, exactly as <see cref="Reset(int?)"/> would, and hashes
    /// MiniGrid's grid encoding followed by the agent's start cell and direction.</remarks>
    public ulong LayoutFingerprint(int seed)
    {
        var grid = new CellGrid(Width, Height);
        var (agent, direction, _) = Generate(grid, new Rng(unchecked((ulong)seed)));
        int cells = Width * Height * 3;
        var content = new byte[cells + 3 * sizeof(int)];
        grid.Encode(content);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(cells), agent.X);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(cells + 4), agent.Y);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(cells + 8), (int)direction & 3);
        return StableHash.Fnv1a64(content);
    }

    /// <summary>
    /// Fills the (cleared) <paramref name="grid"/> with a new task drawn from <paramref name="rng"/> and returns
    /// where the agent starts, which way it faces, and the mission.
    /// </summary>
    protected abstract EpisodeStart Generate(CellGrid grid, Rng rng);

    /// <summary>
    /// Called as every episode starts, after the grid is in place: a task whose rules name targets (a door, an
    /// object) finds them here from <see cref="CellAt"/> and <paramref name="mission"/>. Does nothing by default.
    /// </summary>
    /// <exception cref="ArgumentException">The mission or the grid does not describe this task.</exception>
    protected virtual void BeginTask(string mission)
    {
    }

    /// <summary>Called before MiniGrid's rules apply <paramref name="action"/>, for tasks that compare before and after. Does nothing by default.</summary>
    protected virtual void BeforeStep(int action)
    {
    }

    /// <summary>
    /// Called after MiniGrid's rules applied <paramref name="action"/> (and the step count and truncation are
    /// settled), for tasks whose <c>step</c> changes the reward or ends the episode. Does nothing by default.
    /// </summary>
    protected virtual void AfterStep(int action, ref double reward, ref bool terminated)
    {
    }

    /// <summary>MiniGrid's success reward for the current step: <c>1 - 0.9 * step_count / max_steps</c>.</summary>
    protected double SuccessReward => 1 - 0.9 * ((double)_steps / MaxSteps);

    private ResetResult Start(CellPosition position, Direction direction, string mission)
    {
        if (!_grid.Contains(position.X, position.Y))
            throw new InvalidOperationException($"The agent's start {position} is outside the {_grid.Width}x{_grid.Height} grid.");
        (_x, _y) = (position.X, position.Y);
        _direction = (int)direction & 3;
        _carrying = CellPalette.EmptyCode;
        _steps = 0;
        _episodeOver = false;
        _mission = mission;
        _observation.SetMission(mission);
        BeginTask(mission);
        BuildObservation();
        return new ResetResult(_observation, EnvironmentInfo.Empty);
    }

    /// <inheritdoc />
    public StepResult Step(int action)
    {
        if (_episodeOver)
            ThrowEpisodeOver();
        if ((uint)action > Done)
            ThrowInvalidAction(action);

        BeforeStep(action);
        _steps++;
        double reward = 0;
        bool terminated = false;
        int frontX = _x + AgentView.ForwardX[_direction], frontY = _y + AgentView.ForwardY[_direction];
        byte ahead = _grid.Read(frontX, frontY);
        byte flags = CellPalette.Flags[ahead];
        switch (action)
        {
            case Left:
                _direction = (_direction + 3) & 3;
                break;
            case Right:
                _direction = (_direction + 1) & 3;
                break;
            case Forward:
                if ((flags & CellPalette.CanOverlapFlag) != 0)
                    (_x, _y) = (frontX, frontY);
                if ((flags & CellPalette.GoalFlag) != 0)
                {
                    terminated = true;
                    reward = SuccessReward;
                }
                terminated |= (flags & CellPalette.LavaFlag) != 0;
                break;
            case PickUp:
                if ((flags & CellPalette.CanPickUpFlag) != 0 && _carrying == CellPalette.EmptyCode)
                {
                    _carrying = ahead;
                    _grid.Write(frontX, frontY, CellPalette.EmptyCode);
                }
                break;
            case Drop:
                if (ahead == CellPalette.EmptyCode && _carrying != CellPalette.EmptyCode)
                {
                    _grid.Write(frontX, frontY, _carrying);
                    _carrying = CellPalette.EmptyCode;
                }
                break;
            case Toggle:
                byte toggled = CellPalette.Toggled(ahead, _carrying);
                if (toggled != ahead)
                    _grid.Write(frontX, frontY, toggled);
                break;
        }

        bool truncated = _steps >= MaxSteps;
        AfterStep(action, ref reward, ref terminated);
        _episodeOver = terminated || truncated;
        BuildObservation();
        return new StepResult(_observation, reward, terminated, truncated, EnvironmentInfo.Empty);
    }

    // Grid.slice + rotate_left (dir + 1) + process_vis + the carried object in the agent's cell, row by row from
    // the agent's row forwards, since occlusion only ever passes visibility towards j = 0. This is the per-step
    // cost of the environment, so it reads through refs, each view row as one 8-byte load of consecutive cells:
    // every read stays inside the grid because its wall margin is as wide as the view is deep.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildObservation()
    {
        const int size = AgentView.Size;
        int dir = _direction;
        ref byte origin = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_grid.Codes), _grid.IndexOf(_orientation[dir], _x, _y));
        ref int starts = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rowStarts), dir * size);
        ref ushort visibility = ref MemoryMarshal.GetArrayDataReference(AgentView.Visibility);
        ref ulong byteMasks = ref MemoryMarshal.GetArrayDataReference(AgentView.ByteMasks);
        ref ulong view = ref MemoryMarshal.GetArrayDataReference(_observation.Rows);
        int incoming = 1 << AgentView.AgentI;
        for (int j = size - 1; j >= 0; j--)
        {
            ulong row = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref origin, Unsafe.Add(ref starts, j)));
            // Gathers the opaque bits of the 7 codes into 7 bits (each partial product lands on its own bit).
            uint opaque = (uint)(((row & _opaqueBits) * 0x0002_0408_1020_4081UL) >> 56);
            uint sweep = Unsafe.Add(ref visibility, incoming << size | (int)(~opaque & 0x7F));
            incoming = (int)(sweep >> size);
            // Unseen cells become code 0 (unseen); byte 7 (beyond the view) is cleared too.
            Unsafe.Add(ref view, j) = row & Unsafe.Add(ref byteMasks, (int)(sweep & 0x7F));
        }
        const int agentByte = 8 * AgentView.AgentI;
        ref ulong agentRow = ref Unsafe.Add(ref view, AgentView.AgentJ);
        agentRow = agentRow & ~(0xFFUL << agentByte) | (ulong)_carrying << agentByte;
        _observation.CarryingCode = _carrying;
        _observation.Direction = (Direction)dir;
        _observation.AtGoal = (CellPalette.Flags[_grid.Read(_x, _y)] & CellPalette.GoalFlag) != 0;
    }

    // The grid orientation in which each row of the view of direction dir is 7 ascending bytes, and where each
    // row starts relative to the agent's cell.
    private int FindOrientation(int dir, Span<int> rowStarts)
    {
        var (dx, dy) = AgentView.ViewToGrid(dir);
        for (int orientation = 0; orientation < CellGrid.Orientations; orientation++)
        {
            var (xStep, yStep) = _grid.StepsOf(orientation);
            bool ascending = true;
            for (int j = 0; j < AgentView.Size; j++)
            {
                rowStarts[j] = xStep * dx[0, j] + yStep * dy[0, j];
                for (int i = 1; i < AgentView.Size; i++)
                    ascending &= xStep * dx[i, j] + yStep * dy[i, j] == rowStarts[j] + i;
            }
            if (ascending)
                return orientation;
        }
        throw new InvalidOperationException($"No grid orientation lays out the view of direction {dir} in rows.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEpisodeOver() =>
        throw new InvalidOperationException("The episode is over (or was never started): call Reset before Step.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowInvalidAction(int action) =>
        throw new ArgumentOutOfRangeException(nameof(action), action, $"Valid actions are 0..{Actions.Count - 1}.");
}
