using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Environments.Grid;

/// <summary>
/// The seed tutorial's key-door-goal grid world, with its exact rules, quirks included:
/// <list type="bullet">
/// <item>moves change (x, y) by one and are clamped to the grid; <c>move_up</c> is y+1;</item>
/// <item><c>pickup_key</c> on the key's cell without the key takes it: reward 1.0;</item>
/// <item><c>open_door</c> on the door's cell with the key opens it: reward 2.0, and again on every repeat even
/// though the door is already open (the seed's quirk, kept so that its run is reproduced);</item>
/// <item>every other step costs 0.1; the door never blocks movement; there are no walls;</item>
/// <item>the episode terminates when the agent is on the goal with the door open, and that step's reward is
/// 10.0 instead of any other; it is truncated at <see cref="MaxSteps"/> (the seed's 50-step episodes).</item>
/// </list>
/// </summary>
public sealed class GridWorld : IEnvironment, ITextRenderable, ILayoutFingerprint, IPerceptionProvider
{
    internal const int HasKeyFact = 0, DoorOpenFact = 1, AtGoalFact = 2;

    /// <summary>Action indices, in the order of <see cref="Actions"/>.</summary>
    public const int MoveUp = 0, MoveDown = 1, MoveLeft = 2, MoveRight = 3, PickupKey = 4, OpenDoor = 5;

    /// <summary>The seed's per-step cost.</summary>
    public const double StepReward = -0.1;

    /// <summary>Reward for picking up the key.</summary>
    public const double KeyReward = 1.0;

    /// <summary>Reward for opening (or re-opening) the door.</summary>
    public const double DoorReward = 2.0;

    /// <summary>Reward of the step that reaches the goal with the door open.</summary>
    public const double GoalReward = 10.0;

    private static readonly ActionSpace ActionNames =
        new(["move_up", "move_down", "move_left", "move_right", "pickup_key", "open_door"]);

    private static readonly FactSchema FactNames = new(["has_key", "door_open", "at_goal"]);

    private readonly GridWorldObservation _observation;
    private int _steps;
    private bool _episodeOver = true;

    /// <summary>Creates the world on <paramref name="layout"/> (default: the seed's) with a step limit.</summary>
    public GridWorld(GridWorldLayout? layout = null, int maxSteps = 50)
    {
        Layout = layout ?? GridWorldLayout.Seed;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        MaxSteps = maxSteps;
        _observation = new GridWorldObservation(Layout.Size);
    }

    /// <summary>The registered name.</summary>
    public const string RegisteredName = "gridworld";

    /// <inheritdoc />
    public string Name => RegisteredName;

    /// <summary>Where the start, key, door, goal and box are.</summary>
    public GridWorldLayout Layout { get; }

    /// <inheritdoc />
    public ActionSpace Actions => ActionNames;

    /// <inheritdoc />
    public FactSchema Facts => FactNames;

    /// <inheritdoc />
    public int FeatureCount => GridWorldObservation.FeatureLength;

    /// <inheritdoc />
    public int MaxSteps { get; }

    /// <inheritdoc />
    /// <remarks>A <see cref="GridWorldPerception"/>: the observed cell is the pose.</remarks>
    public IPerception CreatePerception() => new GridWorldPerception();

    /// <summary>Steps taken in the current episode.</summary>
    public int StepCount => _steps;

    /// <inheritdoc />
    /// <remarks>The seed world has no randomness: the seed is accepted for the common contract and changes nothing.</remarks>
    public ResetResult Reset(int? seed = null)
    {
        _steps = 0;
        _episodeOver = false;
        _observation.Position = Layout.Start;
        _observation.HasKey = false;
        _observation.DoorOpen = false;
        _observation.AtGoal = Layout.Start == Layout.Goal;
        return new ResetResult(_observation, EnvironmentInfo.Empty);
    }

    /// <inheritdoc />
    /// <remarks>Every seed starts from the one <see cref="Layout"/>: its size and the cells of the start, key, door,
    /// goal and box, hashed.</remarks>
    public ulong LayoutFingerprint(int seed)
    {
        GridPoint[] cells = [Layout.Start, Layout.Key, Layout.Door, Layout.Goal, Layout.Box];
        Span<int> content = stackalloc int[1 + 2 * cells.Length];
        content[0] = Layout.Size;
        for (int i = 0; i < cells.Length; i++)
            (content[1 + 2 * i], content[2 + 2 * i]) = (cells[i].X, cells[i].Y);
        return StableHash.Fnv1a64(MemoryMarshal.AsBytes(content));
    }

    /// <inheritdoc />
    public StepResult Step(int action)
    {
        if (_episodeOver)
            throw new InvalidOperationException("The episode is over (or was never started): call Reset before Step.");
        if (!Actions.Contains(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Valid actions are 0..{Actions.Count - 1}.");

        _steps++;
        double reward = StepReward;
        GridPoint at = _observation.Position;
        switch (action)
        {
            case MoveUp: at = at with { Y = Math.Min(at.Y + 1, Layout.Size - 1) }; break;
            case MoveDown: at = at with { Y = Math.Max(at.Y - 1, 0) }; break;
            case MoveLeft: at = at with { X = Math.Max(at.X - 1, 0) }; break;
            case MoveRight: at = at with { X = Math.Min(at.X + 1, Layout.Size - 1) }; break;
            case PickupKey when at == Layout.Key && !_observation.HasKey:
                _observation.HasKey = true;
                reward = KeyReward;
                break;
            case OpenDoor when at == Layout.Door && _observation.HasKey:
                _observation.DoorOpen = true;
                reward = DoorReward;
                break;
        }

        _observation.Position = at;
        _observation.AtGoal = at == Layout.Goal;
        bool terminated = _observation.AtGoal && _observation.DoorOpen;
        if (terminated)
            reward = GoalReward;
        bool truncated = !terminated && _steps >= MaxSteps;
        _episodeOver = terminated || truncated;
        return new StepResult(_observation, reward, terminated, truncated, EnvironmentInfo.Empty);
    }

    /// <inheritdoc />
    /// <remarks>y grows upwards, so the top line is y = size - 1. The key disappears once picked up.</remarks>
    public string RenderText()
    {
        var text = new System.Text.StringBuilder();
        for (int y = Layout.Size - 1; y >= 0; y--)
        {
            for (int x = 0; x < Layout.Size; x++)
            {
                var cell = new GridPoint(x, y);
                text.Append(cell == _observation.Position ? 'A'
                    : cell == Layout.Key && !_observation.HasKey ? 'K'
                    : cell == Layout.Door ? (_observation.DoorOpen ? 'O' : 'D')
                    : cell == Layout.Goal ? 'G'
                    : cell == Layout.Box ? 'B'
                    : '.');
            }
            text.Append('\n');
        }
        text.Append("A agent, K key, D door (O open), G goal, B box; y grows upwards\n");
        return text.ToString();
    }
}
