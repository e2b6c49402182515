using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MiniGridTextTests
{
    [Fact]
    public void EveryObjectOfTheFamily_IsDrawn_WithItsColour_AndBoxesSayWhatTheyHold()
    {
        var grid = new CellGrid(6, 4);
        grid.WallRectangle(0, 0, 6, 4);
        grid.Set(2, 1, new Ball(ObjectColor.Purple));
        grid.Set(3, 1, new Box(ObjectColor.Green, new Key(ObjectColor.Red)));
        grid.Set(4, 1, Lava.Instance);
        grid.Set(1, 2, new Door(ObjectColor.Blue, DoorState.Locked));
        grid.Set(2, 2, new Door(ObjectColor.Red, DoorState.Closed));
        grid.Set(3, 2, new Door(ObjectColor.Grey, DoorState.Open));
        grid.Set(4, 2, new Key(ObjectColor.Yellow));
        grid.Set(0, 3, new Wall(ObjectColor.Blue));
        var environment = new LayoutRulesEnvironment(6, 4);
        environment.Reset(new MiniGridLayout(grid, new CellPosition(1, 1), Direction.Up, "get the red key"));

        Assert.Equal(
            "############\n" +
            "##^^ApBg~~##\n" +
            "##LbDrOeKy##\n" +
            "#b##########\n" +
            "mission: get the red key\n" +
            "carrying: nothing\n" +
            "boxes: (3, 1) Bg holding Kr\n" +
            MiniGridText.Legend + "\n",
            environment.RenderText());
    }

    [Fact]
    public void ACarriedBox_IsNamed_WithWhatItHolds()
    {
        var grid = new CellGrid(4, 3);
        grid.WallRectangle(0, 0, 4, 3);
        grid.Set(2, 1, new Box(ObjectColor.Blue));
        var environment = new LayoutRulesEnvironment(4, 3);
        environment.Reset(new MiniGridLayout(grid, new CellPosition(1, 1), Direction.Right));

        environment.Step(MiniGridEnvironment.PickUp);

        Assert.StartsWith("########\n##>>. ##\n########\ncarrying: Bb holding nothing\n", environment.RenderText());
    }
}
