using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class GridPlacementTests
{
    [Fact]
    public void PlaceObject_ChoosesOnlyEmptyCellsOfTheRectangle_NotTheAgentsNorRejectedOnes_AndEveryOneOfThem()
    {
        var rng = new Rng(3);
        var agent = new CellPosition(2, 2);
        var chosen = new HashSet<CellPosition>();
        for (int i = 0; i < 2000; i++)
        {
            var grid = new CellGrid(8, 6);
            grid.WallRectangle(0, 0, 8, 6);
            grid.Set(3, 2, new Wall());

            CellPosition cell = GridPlacement.PlaceObject(grid, rng, new Ball(ObjectColor.Red), agent,
                new CellPosition(1, 1), 3, 3, reject: c => c == new CellPosition(1, 1));

            Assert.Equal(new Ball(ObjectColor.Red), grid.Get(cell.X, cell.Y));
            chosen.Add(cell);
        }
        // The 3x3 square at (1, 1) less the agent's cell, the wall at (3, 2) and the rejected (1, 1).
        var expected = from x in Enumerable.Range(1, 3) from y in Enumerable.Range(1, 3) select new CellPosition(x, y);
        Assert.Equal(InReadingOrder(expected.Except([agent, new CellPosition(3, 2), new CellPosition(1, 1)])), InReadingOrder(chosen));
    }

    [Fact]
    public void PlaceObject_ClipsTheRectangleToTheGrid_AndNullPlacesNothing()
    {
        var grid = new CellGrid(4, 4);
        var rng = new Rng(1);
        for (int i = 0; i < 200; i++)
        {
            CellPosition cell = GridPlacement.PlaceObject(grid, rng, null, null, new CellPosition(-5, 2), 20, 20);

            Assert.InRange(cell.X, 0, 3);
            Assert.InRange(cell.Y, 2, 3);
        }
        Assert.All(from x in Enumerable.Range(0, 4) from y in Enumerable.Range(0, 4) select grid.Get(x, y), c => Assert.IsType<Empty>(c));
    }

    [Fact]
    public void PlaceObject_NoAcceptableCell_GivesUpAfterMaxTries()
    {
        var grid = new CellGrid(3, 3);
        grid.WallRectangle(0, 0, 3, 3);

        Assert.Throws<InvalidOperationException>(() =>
            GridPlacement.PlaceObject(grid, new Rng(0), new Goal(), new CellPosition(1, 1), maxTries: 100));
    }

    [Fact]
    public void PlaceAgent_DrawsTheCellThenTheDirection_AsMiniGridDoes()
    {
        var grid = new CellGrid(5, 5);
        var draws = new Rng(11);
        int x = draws.NextInt(0, 5), y = draws.NextInt(0, 5);
        var direction = (Direction)draws.NextInt(4);

        AgentPlacement placement = GridPlacement.PlaceAgent(grid, new Rng(11));

        Assert.Equal(new AgentPlacement(new CellPosition(x, y), direction), placement);
        Assert.IsType<Empty>(grid.Get(x, y)); // the agent is not part of the grid
    }

    [Fact]
    public void RandomSubset_DrawsDistinctElements_AndShufflePermutes()
    {
        var rng = new Rng(5);
        int[] items = [0, 1, 2, 3, 4, 5, 6, 7];
        var firsts = new HashSet<int>();
        for (int i = 0; i < 300; i++)
        {
            List<int> subset = GridPlacement.RandomSubset(rng, items, 5);
            Assert.Equal(5, subset.Distinct().Count());
            Assert.All(subset, v => Assert.Contains(v, items));
            firsts.Add(subset[0]);

            var shuffled = items.ToList();
            GridPlacement.Shuffle(rng, shuffled);
            Assert.Equal(items, shuffled.Order());
        }
        Assert.Equal(items, firsts.Order());
    }

    [Fact]
    public void RandomColor_PicksEveryColour_FromMiniGridsSortedNames()
    {
        var rng = new Rng(2);

        var colours = Enumerable.Range(0, 300).Select(_ => GridPlacement.RandomColor(rng)).ToHashSet();

        Assert.Equal(Enum.GetValues<ObjectColor>().Order(), colours.Order());
        Assert.Equal([ObjectColor.Blue, ObjectColor.Green, ObjectColor.Grey, ObjectColor.Purple, ObjectColor.Red, ObjectColor.Yellow], GridPlacement.ColorNames);
    }

    private static List<CellPosition> InReadingOrder(IEnumerable<CellPosition> cells) => cells.OrderBy(c => c.Y).ThenBy(c => c.X).ToList();
}
