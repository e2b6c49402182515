using ProceduralMemory.Environments.MiniGrid;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MiniGridViewTests
{
    private static readonly CellEncoding Unseen = new(0, 0, 0);
    private static readonly CellEncoding EmptyCell = new(1, 0, 0);
    private static readonly CellEncoding GreyWall = new(2, 5, 0);

    // With the agent at (3, 6) facing up, view cell (i, j) shows grid cell (i, j).
    private static readonly string[] Corridor =
    [
        "########",
        "#..G...#",
        "#......#",
        "#......#",
        "########",
        "#......#",
        "#..^...#",
        "########",
    ];

    [Fact]
    public void View_FacingUp_MapsViewCellsToGridCellsOneToOne()
    {
        string[] rows = (string[])Corridor.Clone();
        rows[4] = "#......#";
        var env = AsciiLayout.Start(rows);

        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++)
            {
                CellEncoding expected = (i, j) == (3, 6) ? EmptyCell : env.CellAt(i, j).Encode();
                Assert.Equal(expected, env.Observation.ViewAt(i, j));
            }
    }

    [Fact]
    public void View_AWallAcrossTheRoom_HidesEverythingBehindIt()
    {
        var env = AsciiLayout.Start(Corridor);

        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 4; j++)
                Assert.Equal(Unseen, env.Observation.ViewAt(i, j));
            Assert.Equal(GreyWall, env.Observation.ViewAt(i, 4));
        }
        Assert.False(env.Observation.Facts.Get(MiniGridObservation.GoalVisibleFact));
    }

    [Theory]
    [InlineData('D', false)]
    [InlineData('L', false)]
    [InlineData('O', true)]
    public void View_ADoorInTheWall_HidesTheFarSideUnlessOpen(char door, bool farSideSeen)
    {
        string[] rows = (string[])Corridor.Clone();
        rows[4] = $"###{door}####";
        var env = AsciiLayout.Start(rows);

        Assert.Equal(env.CellAt(3, 4).Encode(), env.Observation.ViewAt(3, 4));
        Assert.Equal(farSideSeen, env.Observation.ViewAt(3, 3) != Unseen);
        Assert.Equal(farSideSeen, env.Observation.Facts.Get(MiniGridObservation.GoalVisibleFact));
        if (farSideSeen)
            Assert.Equal(new CellEncoding(8, 1, 0), env.Observation.ViewAt(3, 1));
    }

    [Fact]
    public void View_APillar_HidesNothing_BecauseMiniGridsSweepsSpreadDiagonally()
    {
        string[] rows = (string[])Corridor.Clone();
        rows[4] = "#......#";
        rows[5] = "#..#...#";
        var env = AsciiLayout.Start(rows);

        Assert.Equal(new CellEncoding(8, 1, 0), env.Observation.ViewAt(3, 1));
        Assert.Equal(GreyWall, env.Observation.ViewAt(3, 5));
    }

    [Fact]
    public void View_ShowsTheCarriedKeyInTheAgentsCell_AndEmptyHandsAsEmpty()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");
        Assert.Equal(EmptyCell, env.Observation.ViewAt(3, 6));

        env.Step(PickUp);

        Assert.Equal(new CellEncoding(5, 4, 0), env.Observation.ViewAt(3, 6));
        Assert.Equal(EmptyCell, env.Observation.ViewAt(3, 5));
        Assert.False(env.Observation.Facts.Get(MiniGridObservation.KeyVisibleFact));
    }

    [Theory]
    [InlineData(Direction.Right, 3, 2)]
    [InlineData(Direction.Down, 2, 3)]
    [InlineData(Direction.Left, 1, 2)]
    [InlineData(Direction.Up, 2, 1)]
    public void View_TheCellInFrontIsAlwaysViewCellThreeFive(Direction facing, int keyX, int keyY)
    {
        var grid = AsciiLayout.Parse("#####", "#...#", "#.>.#", "#...#", "#####").Grid;
        grid.Set(keyX, keyY, new Key(ObjectColor.Yellow));
        var env = new DoorKeyEnvironment(5);
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 2), facing));

        Assert.Equal(new CellEncoding(5, 4, 0), env.Observation.ViewAt(3, 5));
        Assert.True(env.Observation.Facts.Get(MiniGridObservation.FacingKeyFact));
        Assert.True(env.Observation.Facts.Get(MiniGridObservation.KeyVisibleFact));
    }

    [Fact]
    public void View_BeyondTheGridsEdge_ReadsAsWall()
    {
        // No outer walls: the agent at the top edge facing up sees the space beyond as walls.
        var env = AsciiLayout.Start(".^...", ".....", ".....", ".....", ".....");

        Assert.Equal(GreyWall, env.Observation.ViewAt(3, 5));
        Assert.Equal(Unseen, env.Observation.ViewAt(3, 4));
        env.Step(Forward);
        Assert.Equal(new CellPosition(1, 0), env.AgentPosition);
    }

    [Fact]
    public void WriteImage_LaysOutCellsAsMiniGridsImageArray()
    {
        var env = AsciiLayout.Start(Corridor);
        var image = new byte[147];

        env.Observation.WriteImage(image);

        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++)
            {
                CellEncoding cell = env.Observation.ViewAt(i, j);
                Assert.Equal([cell.Type, cell.Color, cell.State], image.AsSpan((i * 7 + j) * 3, 3).ToArray());
            }
    }
}
