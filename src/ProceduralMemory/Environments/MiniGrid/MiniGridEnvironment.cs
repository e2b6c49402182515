using System.Runtime.CompilerServices;

namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's rules (<c>MiniGridEnv.step</c>) over a <see cref="CellGrid"/>; a task subclass only generates
/// its grid. Actions: left, right, forward, pickup, drop, toggle, done. Reward <c>1 - 0.9 * step_count /
/// max_steps</c> on walking onto the goal (which terminates the episode), else 0; truncated when the step count
/// reaches <see cref="MaxSteps"/> (MiniGrid reports both flags when the goal is reached on the last step).
/// </summary>
/// <remarks>
/// <para>MiniGrid's quirks are kept: forward into a wall, closed door or key does nothing; pickup needs empty
/// hands; drop only onto an empty cell in front; toggling a locked door with a key of its colour unlocks and
/// opens it in one step; <c>done</c> does nothing.</para>
/// <para>A step allocates nothing: the grid is a byte per cell, the rules are read from tables filled once from
/// the <see cref="WorldObject"/> types, and the 7x7 view is built in place in the one observation.</para>
/// </remarks>
public abstract class MiniGridEnvironment : IEnvironment
{
    /// <summary>Action indices, in the order of <see cref="Actions"/> (MiniGrid's numbering).</summary>
    public const int Left = 0, Right = 1, Forward = 2, PickUp = 3, Drop = 4, Toggle = 5, Done = 6;

    private static readonly ActionSpace ActionNames = new(["left", "right", "forward", "pickup", "drop", "toggle", "done"]);

    private readonly CellGrid _grid;
    private readonly MiniGridObservation _observation = new();
    private readonly int[] _viewOffsets;
    private readonly int[] _forwardOffsets;
    private Rng? _rng;
    private int _agent;
    private int _direction;
    private byte _carrying;
    private int _steps;
    private int _doors;
    private int _unopenedDoors;
    private bool _episodeOver = true;

    /// <summary>Creates an environment on a <paramref name="width"/> x <paramref name="height"/> grid.</summary>
    protected MiniGridEnvironment(string name, int width, int height, int maxSteps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        Name = name;
        MaxSteps = maxSteps;
        _grid = new CellGrid(width, height);
        _viewOffsets = AgentView.BuildOffsets(_grid.Stride);
        _forwardOffsets = new int[4];
        for (int dir = 0; dir < 4; dir++)
            _forwardOffsets[dir] = AgentView.ForwardY[dir] * _grid.Stride + AgentView.ForwardX[dir];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ActionSpace Actions => ActionNames;

    /// <inheritdoc />
    public FactSchema Facts => MiniGridObservation.FactNames;

    /// <inheritdoc />
    public int FeatureCount => MiniGridObservation.FeatureLength;

    /// <inheritdoc />
    public int MaxSteps { get; }

    /// <summary>The grid's width.</summary>
    public int Width => _grid.Width;

    /// <summary>The grid's height.</summary>
    public int Height => _grid.Height;

    /// <summary>Steps taken in the current episode.</summary>
    public int StepCount => _steps;

    /// <summary>The agent's cell.</summary>
    public CellPosition AgentPosition
    {
        get
        {
            var (x, y) = _grid.PositionOf(_agent);
            return new CellPosition(x, y);
        }
    }

    /// <summary>The agent's direction.</summary>
    public Direction AgentDirection => (Direction)_direction;

    /// <summary>The object the agent carries, or null.</summary>
    public WorldObject? Carrying => _carrying == CellPalette.EmptyCode ? null : CellPalette.ObjectOf(_carrying);

    /// <summary>The object at (<paramref name="x"/>, <paramref name="y"/>) now (the agent is not part of the grid).</summary>
    public WorldObject CellAt(int x, int y) => _grid.Get(x, y);

    /// <summary>The current state as a layout (a copy): start a new episode from it with <see cref="Reset(MiniGridLayout)"/>.</summary>
    public MiniGridLayout CurrentLayout() => new(_grid, AgentPosition, AgentDirection);

    /// <summary>The observation of the current state (owned by the environment, like those of Reset and Step).</summary>
    public MiniGridObservation Observation => _observation;

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
        var (position, direction) = Generate(_grid, _rng);
        return Start(position, direction);
    }

    /// <summary>Starts an episode from <paramref name="layout"/> (no randomness is used).</summary>
    /// <exception cref="ArgumentException">The layout's size differs from this environment's.</exception>
    public ResetResult Reset(MiniGridLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.Grid.CopyTo(_grid);
        return Start(layout.AgentPosition, layout.AgentDirection);
    }

    /// <summary>
    /// Fills the (cleared) <paramref name="grid"/> with a new task drawn from <paramref name="rng"/> and returns
    /// where the agent starts and which way it faces.
    /// </summary>
    protected abstract (CellPosition Agent, Direction Direction) Generate(CellGrid grid, Rng rng);

    private ResetResult Start(CellPosition position, Direction direction)
    {
        if (!_grid.Contains(position.X, position.Y))
            throw new InvalidOperationException($"The agent's start {position} is outside the {_grid.Width}x{_grid.Height} grid.");
        _agent = _grid.IndexOf(position.X, position.Y);
        _direction = (int)direction & 3;
        _carrying = CellPalette.EmptyCode;
        _steps = 0;
        _episodeOver = false;
        CountDoors();
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

        _steps++;
        double reward = 0;
        bool terminated = false;
        byte[] codes = _grid.Codes;
        int front = _agent + _forwardOffsets[_direction];
        byte ahead = codes[front];
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
                    _agent = front;
                if ((flags & CellPalette.GoalFlag) != 0)
                {
                    terminated = true;
                    reward = 1 - 0.9 * ((double)_steps / MaxSteps);
                }
                break;
            case PickUp:
                if ((flags & CellPalette.CanPickUpFlag) != 0 && _carrying == CellPalette.EmptyCode)
                {
                    _carrying = ahead;
                    codes[front] = CellPalette.EmptyCode;
                }
                break;
            case Drop:
                if (ahead == CellPalette.EmptyCode && _carrying != CellPalette.EmptyCode)
                {
                    codes[front] = _carrying;
                    _carrying = CellPalette.EmptyCode;
                }
                break;
            case Toggle:
                byte toggled = CellPalette.Toggled[ahead * CellPalette.Count + _carrying];
                if (toggled != ahead)
                {
                    codes[front] = toggled;
                    _unopenedDoors += IsUnopenedDoor(toggled) - IsUnopenedDoor(ahead);
                }
                break;
        }

        bool truncated = _steps >= MaxSteps;
        _episodeOver = terminated || truncated;
        BuildObservation();
        return new StepResult(_observation, reward, terminated, truncated, EnvironmentInfo.Empty);
    }

    // Grid.slice + rotate_left (dir + 1) + process_vis + the carried object in the agent's cell, row by row from
    // the agent's row forwards, since occlusion only ever passes visibility towards j = 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildObservation()
    {
        const int size = AgentView.Size;
        ReadOnlySpan<int> offsets = _viewOffsets.AsSpan(_direction * AgentView.Cells, AgentView.Cells);
        ReadOnlySpan<byte> codes = _grid.Codes;
        ReadOnlySpan<uint> cells = CellPalette.Cells;
        ReadOnlySpan<ushort> visibility = AgentView.Visibility;
        Span<uint> view = _observation.View;
        Span<uint> row = stackalloc uint[size];
        int agent = _agent;
        int incoming = 1 << AgentView.AgentI;
        for (int j = size - 1; j >= 0; j--)
        {
            ReadOnlySpan<int> rowOffsets = offsets.Slice(j * size, size);
            int transparent = 0;
            for (int i = 0; i < size; i++)
            {
                uint cell = cells[codes[agent + rowOffsets[i]]];
                row[i] = cell;
                transparent |= (int)(cell >> CellPalette.SeeBehindBit) << i;
            }
            int sweep = visibility[incoming << size | transparent];
            for (int i = 0; i < size; i++)
                view[i * size + j] = row[i] & CellPalette.EncodingMask & (uint)-(sweep >> i & 1);
            incoming = sweep >> size;
        }
        view[AgentView.AgentI * size + AgentView.AgentJ] = cells[_carrying] & CellPalette.EncodingMask;
        _observation.CarryingCode = _carrying;
        _observation.Direction = (Direction)_direction;
        _observation.DoorOpen = _doors > 0 && _unopenedDoors == 0;
        _observation.AtGoal = (CellPalette.Flags[codes[agent]] & CellPalette.GoalFlag) != 0;
    }

    private void CountDoors()
    {
        _doors = _unopenedDoors = 0;
        for (int y = 0; y < _grid.Height; y++)
            for (int x = 0; x < _grid.Width; x++)
            {
                byte code = _grid.Codes[_grid.IndexOf(x, y)];
                _doors += CellPalette.ObjectOf(code) is Door ? 1 : 0;
                _unopenedDoors += IsUnopenedDoor(code);
            }
    }

    private static int IsUnopenedDoor(byte code) => CellPalette.ObjectOf(code) is Door { IsOpen: false } ? 1 : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEpisodeOver() =>
        throw new InvalidOperationException("The episode is over (or was never started): call Reset before Step.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowInvalidAction(int action) =>
        throw new ArgumentOutOfRangeException(nameof(action), action, $"Valid actions are 0..{Actions.Count - 1}.");
}
