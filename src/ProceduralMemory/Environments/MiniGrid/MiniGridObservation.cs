using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// What a MiniGrid agent perceives: its 7x7 egocentric view (MiniGrid's <c>image</c>, occlusion applied, the
/// carried object in the agent's own cell), its direction, and what it carries.
/// </summary>
/// <remarks>
/// <para>Facts, in bit order (all readable from this observation, its mission and the agent's own actions, none from
/// hidden state such as where an unseen key lies). DoorKey's eight come first, under the names libraries written
/// before the family was added know them by:</para>
/// <list type="table">
/// <item><term>has_key</term><description>the agent carries a key;</description></item>
/// <item><term>door_open</term><description>a door is in view and every door in view is open (what the view shows,
/// never doors out of sight; a perception that remembers doors, <c>MiniGridPerception</c>, keeps each door's state
/// from when it was last seen);</description></item>
/// <item><term>at_goal</term><description>the agent stands on the goal (the last observation of a solved episode);</description></item>
/// <item><term>key_visible</term><description>a key lies in view (the carried one, shown in the agent's cell, does not count);</description></item>
/// <item><term>door_visible</term><description>a door is in view;</description></item>
/// <item><term>goal_visible</term><description>the goal is in view;</description></item>
/// <item><term>facing_key</term><description>the cell in front of the agent holds a key;</description></item>
/// <item><term>facing_door</term><description>the cell in front of the agent holds a door (any state).</description></item>
/// </list>
/// <para>Then facts in general terms over the whole family (see <see cref="FactNames"/> for the order): carrying a
/// ball or a box; the mission's object (<see cref="MissionTarget"/>: the object the mission names by colour and
/// type) carried, in front, next to the agent (in front, left or right) or in view, and, when it is a door, open;
/// facing a ball, a box, the goal, lava, a wall, a locked or an open door; a ball, a box or lava in view; carrying
/// something of the colour of what is in front (a key before its door); carrying something of each colour; and, for
/// each colour, a door of that colour in view and every such door in view open.</para>
/// <para>Features (<see cref="FeatureLength"/> floats): for each view cell (i, j), at <c>(i * 7 + j) * 20</c>, a
/// one-hot of its object type (11, MiniGrid's numbering, unseen = 0), of its colour (6) and of its state (3); then a
/// one-hot of the direction (4); then 1 if the agent carries something, else 0.</para>
/// </remarks>
public sealed class MiniGridObservation : Observation, IGoalObservation
{
    /// <summary>Fact bit indices, in the order of <see cref="FactNames"/>.</summary>
    public const int HasKeyFact = 0, DoorOpenFact = 1, AtGoalFact = 2, KeyVisibleFact = 3, DoorVisibleFact = 4,
        GoalVisibleFact = 5, FacingKeyFact = 6, FacingDoorFact = 7, CarryingBallFact = 8, CarryingBoxFact = 9,
        CarryingMissionObjectFact = 10, MissionDoorOpenFact = 11, FacingMissionObjectFact = 12, NextToMissionObjectFact = 13,
        MissionObjectVisibleFact = 14, FacingBallFact = 15, FacingBoxFact = 16, FacingGoalFact = 17, LavaAheadFact = 18,
        FacingWallFact = 19, FacingLockedDoorFact = 20, FacingOpenDoorFact = 21, BallVisibleFact = 22, BoxVisibleFact = 23,
        LavaVisibleFact = 24, CarryingFrontColorFact = 25;

    /// <summary>The first of six facts <c>carrying_{colour}</c>, one per <see cref="ObjectColor"/> in its order.</summary>
    public const int CarryingColorFacts = 26;

    /// <summary>The first of six facts <c>door_{colour}_open</c>, one per <see cref="ObjectColor"/> in its order.</summary>
    public const int DoorColorOpenFacts = CarryingColorFacts + Colors;

    private const int Colors = 6;
    private const int TypeSlots = 11, ColorSlots = 6, StateSlots = 3, CellSlots = TypeSlots + ColorSlots + StateSlots;

    /// <summary>The length of the feature vector.</summary>
    public const int FeatureLength = AgentView.Cells * CellSlots + 4 + 1;

    /// <summary>
    /// The fact schema every MiniGrid observation reports. Its sub-goals are the facts a task's progress shows in:
    /// holding a key, a ball, a box or the mission's object, a door (or the mission's door) open, the goal reached.
    /// </summary>
    public static FactSchema FactNames { get; } = new(
        [
            "has_key", "door_open", "at_goal", "key_visible", "door_visible", "goal_visible", "facing_key", "facing_door",
            "carrying_ball", "carrying_box", "carrying_mission_object", "mission_door_open", "facing_mission_object",
            "next_to_mission_object", "mission_object_visible", "facing_ball", "facing_box", "facing_goal", "lava_ahead",
            "facing_wall", "facing_locked_door", "facing_open_door", "ball_visible", "box_visible", "lava_visible",
            "carrying_front_colour",
            .. Enum.GetNames<ObjectColor>().Select(c => $"carrying_{c.ToLowerInvariant()}"),
            .. Enum.GetNames<ObjectColor>().Select(c => $"door_{c.ToLowerInvariant()}_open"),
        ],
        subgoals: ["has_key", "door_open", "at_goal", "carrying_ball", "carrying_box", "carrying_mission_object", "mission_door_open"],
        achievements:
        [
            new("has_key", "pickup(key)", "drop(key)"), new("door_open", "open(door)", "close(door)"), new("at_goal", "reach(goal)", "leave(goal)"),
            new("carrying_ball", "pickup(ball)", "drop(ball)"), new("carrying_box", "pickup(box)", "drop(box)"),
            new("carrying_mission_object", "pickup(mission_object)", "drop(mission_object)"),
            new("mission_door_open", "open(mission_door)", "close(mission_door)"),
        ]);

    internal MiniGridObservation()
    {
    }

    /// <summary>
    /// The view as cell codes (see <see cref="CellPalette"/>), one row per j: view cell (i, j) is byte i of
    /// <c>Rows[j]</c>, 0 when unseen. Codes rather than MiniGrid's byte triples so that a step stores a view row
    /// in one write; <see cref="ViewAt"/>, <see cref="WriteImage"/> and the features translate them by table.
    /// </summary>
    internal ulong[] Rows { get; } = new ulong[AgentView.Size];

    /// <summary>The code of the carried object (<see cref="CellPalette.EmptyCode"/> for nothing).</summary>
    internal byte CarryingCode { get; set; }

    /// <summary>The agent's direction.</summary>
    public Direction Direction { get; internal set; }

    /// <summary>The agent stands on the goal.</summary>
    public bool AtGoal { get; internal set; }

    /// <summary>The episode's mission, e.g. <c>pick up the red ball</c>.</summary>
    public string Mission { get; private set; } = "";

    /// <inheritdoc />
    /// <remarks>Read from <see cref="Mission"/> (<see cref="MissionGoal"/>).</remarks>
    public FactCondition? Goal => MissionGoal.Of(Mission);

    /// <summary>The object <see cref="Mission"/> names, if any.</summary>
    public MissionTarget Target { get; private set; } = MissionTarget.None;

    /// <summary>Sets the mission (at the start of an episode) and the target it names.</summary>
    internal void SetMission(string mission)
    {
        if (mission == Mission)
            return;
        Mission = mission;
        Target = MissionTarget.Of(mission);
    }

    /// <summary>The object the agent carries, or null.</summary>
    public WorldObject? Carrying => CarryingCode == CellPalette.EmptyCode ? null : CellPalette.ObjectOf(CarryingCode);

    /// <summary>View cell (<paramref name="i"/>, <paramref name="j"/>); the agent is at (3, 6) looking towards j = 0.</summary>
    public CellEncoding ViewAt(int i, int j)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)AgentView.Size, nameof(i));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)j, (uint)AgentView.Size, nameof(j));
        return CellPalette.Unpack(Cell(i * AgentView.Size + j));
    }

    /// <summary>
    /// Writes MiniGrid's <c>image</c>: 7 * 7 * 3 bytes, view cell (i, j)'s [type, colour, state] at <c>(i * 7 + j) * 3</c>.
    /// </summary>
    public void WriteImage(Span<byte> destination)
    {
        const int bytes = AgentView.Cells * 3;
        if (destination.Length < bytes)
            throw new ArgumentException($"The destination needs {bytes} bytes.", nameof(destination));
        ref byte at = ref MemoryMarshal.GetReference(destination);
        ref uint cells = ref MemoryMarshal.GetArrayDataReference(CellPalette.Cells);
        ref ulong rows = ref MemoryMarshal.GetArrayDataReference(Rows);
        // Cells in increasing index order (i * 7 + j), each as one 4-byte write whose spare byte the next cell
        // overwrites; the very last cell is written bytewise so that nothing lands past the 147 bytes.
        for (int i = 0; i < AgentView.Size; i++)
        {
            int shift = 8 * i;
            ref byte column = ref Unsafe.Add(ref at, 3 * AgentView.Size * i);
            for (int j = 0; j < AgentView.Size; j++)
            {
                uint cell = Unsafe.Add(ref cells, (byte)(Unsafe.Add(ref rows, j) >> shift));
                if (i == AgentView.Size - 1 && j == AgentView.Size - 1)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref column, 3 * j), (ushort)cell);
                    Unsafe.Add(ref column, 3 * j + 2) = (byte)(cell >> 16);
                }
                else
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref column, 3 * j), cell);
                }
            }
        }
    }

    /// <inheritdoc />
    public override Facts Facts
    {
        get
        {
            const int front = AgentView.AgentI * AgentView.Size + AgentView.AgentJ - 1;
            const int agent = AgentView.AgentI * AgentView.Size + AgentView.AgentJ;
            const int left = (AgentView.AgentI - 1) * AgentView.Size + AgentView.AgentJ;
            const int right = (AgentView.AgentI + 1) * AgentView.Size + AgentView.AgentJ;
            MissionTarget target = Target;
            int seen = 0, doorColorsSeen = 0, doorColorsUnopened = 0;
            bool targetSeen = false, targetDoorSeen = false, targetDoorUnopened = false;
            for (int c = 0; c < AgentView.Cells; c++)
            {
                if (c == agent)
                    continue;
                uint cell = Cell(c);
                var (type, color, state) = ((ObjectType)(byte)cell, (ObjectColor)(byte)(cell >> 8), (byte)(cell >> 16));
                seen |= 1 << (int)type;
                bool isTarget = target.Matches(type, color);
                targetSeen |= isTarget;
                if (type != ObjectType.Door)
                    continue;
                doorColorsSeen |= 1 << (int)color;
                doorColorsUnopened |= state != 0 ? 1 << (int)color : 0;
                targetDoorSeen |= isTarget;
                targetDoorUnopened |= isTarget && state != 0;
            }
            uint ahead = Cell(front);
            var (frontType, frontColor, frontState) = ((ObjectType)(byte)ahead, (ObjectColor)(byte)(ahead >> 8), (byte)(ahead >> 16));
            WorldObject? carried = Carrying;

            ulong bits = 0;
            Set(HasKeyFact, carried is Key);
            Set(DoorOpenFact, (seen & 1 << (int)ObjectType.Door) != 0 && doorColorsUnopened == 0);
            Set(AtGoalFact, AtGoal);
            Set(KeyVisibleFact, (seen & 1 << (int)ObjectType.Key) != 0);
            Set(DoorVisibleFact, (seen & 1 << (int)ObjectType.Door) != 0);
            Set(GoalVisibleFact, (seen & 1 << (int)ObjectType.Goal) != 0);
            Set(FacingKeyFact, frontType == ObjectType.Key);
            Set(FacingDoorFact, frontType == ObjectType.Door);
            Set(CarryingBallFact, carried is Ball);
            Set(CarryingBoxFact, carried is Box);
            Set(CarryingMissionObjectFact, carried is not null && target.Matches(carried.Type, carried.Color));
            Set(MissionDoorOpenFact, targetDoorSeen && !targetDoorUnopened);
            Set(FacingMissionObjectFact, target.Matches(frontType, frontColor));
            Set(NextToMissionObjectFact, target.Matches(frontType, frontColor) || IsTarget(left) || IsTarget(right));
            Set(MissionObjectVisibleFact, targetSeen);
            Set(FacingBallFact, frontType == ObjectType.Ball);
            Set(FacingBoxFact, frontType == ObjectType.Box);
            Set(FacingGoalFact, frontType == ObjectType.Goal);
            Set(LavaAheadFact, frontType == ObjectType.Lava);
            Set(FacingWallFact, frontType == ObjectType.Wall);
            Set(FacingLockedDoorFact, frontType == ObjectType.Door && frontState == (byte)DoorState.Locked);
            Set(FacingOpenDoorFact, frontType == ObjectType.Door && frontState == (byte)DoorState.Open);
            Set(BallVisibleFact, (seen & 1 << (int)ObjectType.Ball) != 0);
            Set(BoxVisibleFact, (seen & 1 << (int)ObjectType.Box) != 0);
            Set(LavaVisibleFact, (seen & 1 << (int)ObjectType.Lava) != 0);
            Set(CarryingFrontColorFact, carried is not null && frontType is not (ObjectType.Unseen or ObjectType.Empty or ObjectType.Wall
                or ObjectType.Floor or ObjectType.Goal or ObjectType.Lava) && carried.Color == frontColor);
            if (carried is not null)
                Set(CarryingColorFacts + (int)carried.Color, true);
            for (int color = 0; color < Colors; color++)
                Set(DoorColorOpenFacts + color, (doorColorsSeen & ~doorColorsUnopened & 1 << color) != 0);
            return new Facts(bits);

            void Set(int fact, bool value) => bits |= value ? 1UL << fact : 0;
            bool IsTarget(int c) => target.Matches((ObjectType)(byte)Cell(c), (ObjectColor)(byte)(Cell(c) >> 8));
        }
    }

    /// <inheritdoc />
    public override int FeatureCount => FeatureLength;

    /// <inheritdoc />
    public override void WriteFeatures(Span<float> destination)
    {
        Span<float> features = destination[..FeatureLength];
        features.Clear();
        for (int c = 0; c < AgentView.Cells; c++)
        {
            uint cell = Cell(c);
            int at = c * CellSlots;
            features[at + (byte)cell] = 1f;
            features[at + TypeSlots + (byte)(cell >> 8)] = 1f;
            features[at + TypeSlots + ColorSlots + (byte)(cell >> 16)] = 1f;
        }
        features[AgentView.Cells * CellSlots + (int)Direction] = 1f;
        features[FeatureLength - 1] = CarryingCode == CellPalette.EmptyCode ? 0f : 1f;
    }

    /// <inheritdoc />
    public override Observation Clone()
    {
        var copy = new MiniGridObservation
        {
            CarryingCode = CarryingCode,
            Direction = Direction,
            AtGoal = AtGoal,
            Mission = Mission,
            Target = Target,
        };
        Rows.CopyTo(copy.Rows, 0);
        return copy;
    }

    // The encoding of view cell c = i * 7 + j.
    private uint Cell(int c) => CellPalette.Cells[(byte)(Rows[c % AgentView.Size] >> (8 * (c / AgentView.Size)))];
}
