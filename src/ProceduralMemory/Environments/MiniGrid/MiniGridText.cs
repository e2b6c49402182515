using System.Text;

namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A MiniGrid state as text (<see cref="MiniGridEnvironment.RenderText"/>, what <c>procmem show</c> prints): two
/// characters per cell, the object's letter and its colour's, then the mission, what the agent carries, what each
/// box holds, and the legend.
/// </summary>
internal static class MiniGridText
{
    /// <summary>The legend printed under every grid.</summary>
    public const string Legend =
        "two characters a cell, object then colour: # wall (## grey), . empty, G goal, K key, A ball, B box, " +
        "L locked door, D closed door, O open door, ~~ lava, >> vv << ^^ the agent facing right, down, left, up; " +
        "colours r red, g green, b blue, p purple, y yellow, e grey";

    private const string ColorLetters = "rgbpye";
    private const string AgentArrows = ">v<^";

    /// <summary>The grid of <paramref name="environment"/> now, the agent in its cell, with the lines below it.</summary>
    public static string Render(MiniGridEnvironment environment)
    {
        var text = new StringBuilder();
        var boxes = new List<string>();
        CellPosition agent = environment.AgentPosition;
        for (int y = 0; y < environment.Height; y++)
        {
            for (int x = 0; x < environment.Width; x++)
            {
                WorldObject cell = environment.CellAt(x, y);
                if ((x, y) == (agent.X, agent.Y))
                    text.Append(AgentArrows[(int)environment.AgentDirection], 2);
                else
                    text.Append(Symbol(cell));
                if (cell is Box box)
                    boxes.Add($"({x}, {y}) {Describe(box)}");
            }
            text.Append('\n');
        }
        if (environment.Mission.Length > 0)
            text.Append("mission: ").Append(environment.Mission).Append('\n');
        text.Append("carrying: ").Append(environment.Carrying is { } carried ? Describe(carried) : "nothing").Append('\n');
        if (boxes.Count > 0)
            text.Append("boxes: ").AppendJoin(", ", boxes).Append('\n');
        return text.Append(Legend).Append('\n').ToString();
    }

    /// <summary>The two characters of <paramref name="cell"/>.</summary>
    public static string Symbol(WorldObject cell) => cell switch
    {
        Empty => ". ",
        Lava => "~~",
        Wall { Color: ObjectColor.Grey } => "##",
        _ => string.Concat(TypeLetter(cell), ColorLetters[(int)cell.Color].ToString()),
    };

    private static string TypeLetter(WorldObject cell) => cell switch
    {
        Wall => "#",
        Goal => "G",
        Key => "K",
        Ball => "A",
        Box => "B",
        Door { State: DoorState.Locked } => "L",
        Door { State: DoorState.Closed } => "D",
        Door => "O",
        _ => "?", // an object type added to the palette but not to this table
    };

    // A box with what it holds (which its symbol does not show).
    private static string Describe(WorldObject cell) =>
        cell is Box box ? $"{Symbol(box)} holding {(box.Contains is { } inside ? Symbol(inside) : "nothing")}" : Symbol(cell);
}
