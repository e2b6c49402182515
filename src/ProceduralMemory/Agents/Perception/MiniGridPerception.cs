using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// Perception of MiniGrid's partially observed worlds. The agent tracks its own pose by dead reckoning (its
/// direction is observed; a <c>forward</c> moves it exactly when the cell it saw in front could be walked onto)
/// and keeps a map of every cell it has seen this episode, so it can still head for a key that has left its view.
/// </summary>
/// <remarks>
/// <para>Facts are the observation's, except the doors' (<c>door_open</c>, <c>door_{colour}_open</c>,
/// <c>mission_door_open</c>), which come from memory: at least one such door has been seen, and every such door seen
/// was open when last seen (each door by its position). A door out of view keeps the state it had when the agent
/// last saw it, so the facts never read a door the agent has not looked at.</para>
/// <para>The state key is the pose (<see cref="AgentPose.Key"/>) with the facts; facts beyond the pose key's
/// <see cref="AgentPose.KeyFactBits"/> are mixed into it by a multiplicative hash.</para>
/// <para>Features (<see cref="FeatureCount"/> floats), all in the agent's own frame, all from what it has observed:
/// </para>
/// <list type="number">
/// <item>direction one-hot (4) and whether it carries something (1);</item>
/// <item>for each remembered object kind in <see cref="RememberedKinds"/> (key, door, goal, ball, box, lava), about
/// the nearest one seen so far: known (0/1), cells ahead / 8, cells to the right / 8, Manhattan distance / 16, walls ignored (24);</item>
/// <item>the remembered door's state one-hot: open, closed, locked (3; zeros when no door has been seen);</item>
/// <item>a 5x5 patch of the remembered map around the agent, rotated so that ahead is up: +1 walkable,
/// -1 blocked, 0 never seen (25);</item>
/// <item>the cell in front: type one-hot (11) and state one-hot (3).</item>
/// </list>
/// <para>A compact summary rather than the raw 7x7 one-hot view (980 numbers): skills learn from a few dozen
/// demonstrations, and with this many inputs a network latches onto whatever happens to differ between them.</para>
/// </remarks>
public sealed class MiniGridPerception : IPoseTracking
{
    /// <summary>Object kinds whose nearest remembered position is a feature.</summary>
    public static IReadOnlyList<ObjectType> RememberedKinds { get; } =
        [ObjectType.Key, ObjectType.Door, ObjectType.Goal, ObjectType.Ball, ObjectType.Box, ObjectType.Lava];

    private const int MapSize = 128, Origin = MapSize / 2;
    private const int ObjectTypes = (int)ObjectType.Agent + 1;
    private const int PerKind = 4, DoorStates = 3, Patch = 5, TypeSlots = 11, StateSlots = 3;
    private static readonly int ObjectsAt = 5, DoorStateAt = ObjectsAt + RememberedKinds.Count * PerKind,
        PatchAt = DoorStateAt + DoorStates, FrontAt = PatchAt + Patch * Patch, Length = FrontAt + TypeSlots + StateSlots;

    // Last seen (type | state << 8) per cell; 0 = never seen. A flat array: the map is rebuilt every step.
    private readonly ushort[] _map = new ushort[MapSize * MapSize];
    private int _minX, _maxX, _minY, _maxY;
    private MiniGridObservation _observation = null!;

    // Each door seen this episode, by position: its colour and whether it was open when last seen. Kept apart from
    // the map, whose cell under the agent is cleared: the agent standing in a doorway still remembers the door.
    private readonly Dictionary<(int X, int Y), (ObjectColor Color, bool Open)> _doors = [];
    private ulong _doorFacts;

    // Read when the observation arrives: environments overwrite their observation in place, so by the time the
    // next one is handed in, the previous view is gone.
    private bool _canWalkForward;

    /// <inheritdoc />
    public int FeatureCount => Length;

    /// <inheritdoc />
    public Observation Observation => _observation;

    /// <inheritdoc />
    public Facts Facts => new((_observation.Facts.Bits & ~DoorFactsMask) | _doorFacts);

    /// <inheritdoc />
    public long StateKeyWith(ulong facts) =>
        Pose.Key(facts & PoseKeyFacts) ^ (long)((facts >> AgentPose.KeyFactBits) * 0x9E37_79B9_7F4A_7C15UL);

    private const ulong PoseKeyFacts = (1UL << AgentPose.KeyFactBits) - 1;

    // The facts this perception reads from its memory of doors rather than from the view.
    private static readonly ulong DoorFactsMask = 1UL << MiniGridObservation.DoorOpenFact | 1UL << MiniGridObservation.MissionDoorOpenFact
        | 0b11_1111UL << MiniGridObservation.DoorColorOpenFacts;

    /// <inheritdoc />
    public AgentPose Pose { get; private set; }

    /// <inheritdoc />
    /// <remarks>The cell in front (type and state) and whether something is carried.</remarks>
    public int ActionContext => ContextAt(Pose);

    /// <inheritdoc />
    public int ContextAt(AgentPose pose)
    {
        AgentPose front = pose.Moved(1, 0, 0);
        ushort seen = Math.Abs(front.X) < Origin && Math.Abs(front.Y) < Origin ? _map[Index(front.X, front.Y)] : (ushort)0;
        return ((byte)seen * 4 + (seen >> 8)) * 2 + (_observation.Carrying is null ? 0 : 1);
    }

    /// <inheritdoc />
    public bool FacesUnseen(AgentPose pose)
    {
        AgentPose front = pose.Moved(1, 0, 0);
        return Math.Abs(front.X) < Origin && Math.Abs(front.Y) < Origin && _map[Index(front.X, front.Y)] == 0;
    }

    /// <inheritdoc />
    public void Reset(Observation first)
    {
        Array.Clear(_map);
        _doors.Clear();
        _observation = (MiniGridObservation)first;
        Pose = new AgentPose(0, 0, (int)_observation.Direction);
        (_minX, _maxX, _minY, _maxY) = (0, 0, 0, 0);
        Remember();
    }

    /// <inheritdoc />
    public void Observe(int action, Observation next)
    {
        if (action == MiniGridEnvironment.Forward && _canWalkForward)
            Pose = Pose.Moved(1, 0, 0);
        _observation = (MiniGridObservation)next;
        Pose = Pose with { Direction = (int)_observation.Direction };
        Remember();
    }

    /// <inheritdoc />
    public void WriteFeatures(Span<float> destination)
    {
        Span<float> features = destination[..Length];
        features.Clear();
        features[(int)_observation.Direction] = 1f;
        features[4] = _observation.Carrying is null ? 0f : 1f;

        Span<int> nearest = stackalloc int[ObjectTypes];
        FindNearestOfEachType(nearest);
        for (int k = 0; k < RememberedKinds.Count; k++)
        {
            int index = nearest[(int)RememberedKinds[k]];
            if (index < 0)
                continue;
            int x = index % MapSize - Origin, y = index / MapSize - Origin, state = _map[index] >> 8;
            var (forward, right) = Pose.Egocentric(x, y);
            Span<float> slot = features.Slice(ObjectsAt + k * PerKind, PerKind);
            slot[0] = 1f;
            slot[1] = forward / 8f;
            slot[2] = right / 8f;
            slot[3] = (Math.Abs(forward) + Math.Abs(right)) / 16f;
            if (RememberedKinds[k] == ObjectType.Door)
                features[DoorStateAt + Math.Min(state, DoorStates - 1)] = 1f;
        }

        for (int ahead = 0; ahead < Patch; ahead++)
        {
            for (int right = 0; right < Patch; right++)
            {
                AgentPose cell = Pose.Moved(Patch / 2 - ahead, right - Patch / 2, 0);
                ushort seen = Math.Abs(cell.X) < Origin && Math.Abs(cell.Y) < Origin ? _map[Index(cell.X, cell.Y)] : (ushort)0;
                features[PatchAt + ahead * Patch + right] = seen == 0 ? 0f
                    : CanWalkOnto(new CellEncoding((byte)seen, 0, (byte)(seen >> 8))) ? 1f : -1f;
            }
        }

        CellEncoding front = _observation.ViewAt(AgentView.AgentI, AgentView.AgentJ - 1);
        features[FrontAt + Math.Min((int)front.Type, TypeSlots - 1)] = 1f;
        features[FrontAt + TypeSlots + Math.Min((int)front.State, StateSlots - 1)] = 1f;
    }

    /// <summary>The remembered object type at a cell relative to the start, or <see cref="ObjectType.Unseen"/>.</summary>
    public ObjectType RememberedAt(int x, int y) => (ObjectType)(byte)_map[Index(x, y)];

    // MiniGrid's can_overlap: empty, floor, goal, lava and open doors can be walked onto.
    private static bool CanWalkOnto(CellEncoding cell) => (ObjectType)cell.Type switch
    {
        ObjectType.Empty or ObjectType.Floor or ObjectType.Goal or ObjectType.Lava => true,
        ObjectType.Door => cell.State == 0,
        _ => false,
    };

    private void Remember()
    {
        for (int i = 0; i < AgentView.Size; i++)
        {
            for (int j = 0; j < AgentView.Size; j++)
            {
                if (i == AgentView.AgentI && j == AgentView.AgentJ)
                    continue; // the agent's own cell shows what it carries, not the floor
                CellEncoding cell = _observation.ViewAt(i, j);
                if (cell.Type == (byte)ObjectType.Unseen)
                    continue;
                AgentPose at = Pose.Moved(AgentView.AgentJ - j, i - AgentView.AgentI, 0);
                if (Math.Abs(at.X) >= Origin || Math.Abs(at.Y) >= Origin)
                    continue;
                _map[Index(at.X, at.Y)] = (ushort)(cell.Type | cell.State << 8);
                if (cell.Type == (byte)ObjectType.Door)
                    _doors[(at.X, at.Y)] = ((ObjectColor)cell.Color, cell.State == 0);
                (_minX, _maxX) = (Math.Min(_minX, at.X), Math.Max(_maxX, at.X));
                (_minY, _maxY) = (Math.Min(_minY, at.Y), Math.Max(_maxY, at.Y));
            }
        }
        // The agent stands on a cell it can walk on; whatever it saw there before (a key it picked up) is gone.
        _map[Index(Pose.X, Pose.Y)] = (ushort)ObjectType.Empty;
        _doorFacts = RememberedDoorFacts();
        _canWalkForward = CanWalkOnto(_observation.ViewAt(AgentView.AgentI, AgentView.AgentJ - 1));
    }

    /// <summary>The door facts by every door remembered: for all doors, for each colour's and for the mission's, some seen and all seen open.</summary>
    private ulong RememberedDoorFacts()
    {
        int colorsSeen = 0, colorsUnopened = 0;
        bool targetSeen = false, targetUnopened = false;
        MissionTarget target = _observation.Target;
        foreach (var (color, open) in _doors.Values)
        {
            colorsSeen |= 1 << (int)color;
            colorsUnopened |= open ? 0 : 1 << (int)color;
            bool isTarget = target.Matches(ObjectType.Door, color);
            targetSeen |= isTarget;
            targetUnopened |= isTarget && !open;
        }
        ulong facts = (ulong)(colorsSeen & ~colorsUnopened) << MiniGridObservation.DoorColorOpenFacts;
        if (colorsSeen != 0 && colorsUnopened == 0)
            facts |= 1UL << MiniGridObservation.DoorOpenFact;
        if (targetSeen && !targetUnopened)
            facts |= 1UL << MiniGridObservation.MissionDoorOpenFact;
        return facts;
    }

    /// <summary>
    /// For each object type, the map index of the nearest remembered cell of that type (-1 if none), in one pass
    /// over the seen area rather than one per type: this runs every step.
    /// </summary>
    private void FindNearestOfEachType(Span<int> nearest)
    {
        nearest.Fill(-1);
        Span<int> best = stackalloc int[ObjectTypes];
        best.Fill(int.MaxValue);
        for (int y = _minY; y <= _maxY; y++)
        {
            for (int x = _minX; x <= _maxX; x++)
            {
                int index = Index(x, y);
                int type = (byte)_map[index];
                int distance = Math.Abs(x - Pose.X) + Math.Abs(y - Pose.Y);
                if (type < ObjectTypes && distance < best[type])
                    (best[type], nearest[type]) = (distance, index);
            }
        }
    }

    private static int Index(int x, int y) => (y + Origin) * MapSize + x + Origin;
}
