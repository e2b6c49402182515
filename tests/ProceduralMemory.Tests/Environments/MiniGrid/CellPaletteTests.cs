using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class CellPaletteTests
{
    private static IEnumerable<WorldObject> EveryObject()
    {
        ObjectColor[] colors = Enum.GetValues<ObjectColor>();
        yield return Empty.Instance;
        yield return Lava.Instance;
        foreach (ObjectColor color in colors)
        {
            yield return new Wall(color);
            yield return new Goal(color);
            yield return new Key(color);
            yield return new Ball(color);
            yield return new Box(color);
            foreach (DoorState state in Enum.GetValues<DoorState>())
                yield return new Door(color, state);
            foreach (ObjectColor inside in colors)
            {
                yield return new Box(color, new Key(inside));
                yield return new Box(color, new Ball(inside));
            }
        }
    }

    [Fact]
    public void EveryObject_HasItsOwnCode_AndTheCodeGivesItBack()
    {
        WorldObject[] all = [.. EveryObject()];
        byte[] codes = [.. all.Select(CellPalette.CodeOf)];

        Assert.Equal(all.Length, codes.Distinct().Count());
        Assert.Equal(CellPalette.Count - 1, all.Length); // every code but unseen
        for (int i = 0; i < all.Length; i++)
            Assert.Equal(all[i], CellPalette.ObjectOf(codes[i]));
    }

    [Fact]
    public void ObjectsAWorldCannotHold_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => CellPalette.CodeOf(new Box(ObjectColor.Red, new Box(ObjectColor.Blue))));
        Assert.Throws<ArgumentException>(() => CellPalette.CodeOf(new Box(ObjectColor.Red, new Goal())));
        Assert.Throws<ArgumentException>(() => CellPalette.CodeOf(new Key((ObjectColor)7)));
        Assert.Throws<ArgumentException>(() => CellPalette.CodeOf(new Door(ObjectColor.Red, (DoorState)3)));
        Assert.Throws<ArgumentException>(() => CellPalette.CodeOf(new ImpostorKey()));
    }

    /// <summary>An object type of someone else's whose encoding is a key's: not the palette's key.</summary>
    private sealed record ImpostorKey() : WorldObject(ObjectType.Key, ObjectColor.Red);
}
