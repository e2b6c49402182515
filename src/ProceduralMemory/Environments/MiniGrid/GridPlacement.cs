namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's random placement helpers (<c>MiniGridEnv.place_obj</c>, <c>place_agent</c> and the
/// <c>_rand_*</c> draws), shared by every task's generator and drawing only from our seeded <see cref="Rng"/>.
/// </summary>
/// <remarks>
/// Each helper draws in the same order as MiniGrid's (x before y, one draw per candidate cell, the direction
/// after the cell), so a generator written rule for rule against MiniGrid's makes the same sequence of draws;
/// the layouts still differ from MiniGrid's for a seed, since NumPy's generator is not ours. The agent is not
/// part of a <see cref="CellGrid"/>, so a helper that must keep off the agent's cell is told where it is.
/// </remarks>
public static class GridPlacement
{
    // MiniGrid's COLOR_NAMES: the colour names sorted alphabetically, which is the order _rand_color picks from.
    private static readonly ObjectColor[] ColorsByName =
        [ObjectColor.Blue, ObjectColor.Green, ObjectColor.Grey, ObjectColor.Purple, ObjectColor.Red, ObjectColor.Yellow];

    /// <summary>MiniGrid's colours in the order <see cref="RandomColor"/> picks from (<c>COLOR_NAMES</c>, sorted by name).</summary>
    public static IReadOnlyList<ObjectColor> ColorNames => ColorsByName;

    /// <summary>
    /// <c>place_obj</c>: draws cells uniformly from the rectangle at <paramref name="top"/> of
    /// <paramref name="width"/> x <paramref name="height"/> (clipped to the grid) until one is empty, is not
    /// <paramref name="agent"/> and is not rejected by <paramref name="reject"/>; puts <paramref name="obj"/>
    /// there (unless it is null) and returns the cell.
    /// </summary>
    /// <param name="grid">The grid being generated.</param>
    /// <param name="rng">The generator's random source.</param>
    /// <param name="obj">The object to place, or null to only choose a cell.</param>
    /// <param name="agent">The agent's cell if it is already placed (MiniGrid never puts an object under the agent), else null.</param>
    /// <param name="top">The rectangle's top-left cell (negative coordinates count as 0, as in MiniGrid).</param>
    /// <param name="width">The rectangle's width.</param>
    /// <param name="height">The rectangle's height.</param>
    /// <param name="reject">Returns true for a cell that must not be chosen; null accepts every empty cell.</param>
    /// <param name="maxTries">How many candidates may be rejected before giving up (MiniGrid's <c>max_tries</c>).</param>
    /// <exception cref="InvalidOperationException">More than <paramref name="maxTries"/> candidates were rejected.</exception>
    public static CellPosition PlaceObject(
        CellGrid grid, Rng rng, WorldObject? obj, CellPosition? agent, CellPosition top, int width, int height,
        Func<CellPosition, bool>? reject = null, int maxTries = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(rng);
        int left = Math.Max(top.X, 0), upper = Math.Max(top.Y, 0);
        int right = Math.Min(left + width, grid.Width), bottom = Math.Min(upper + height, grid.Height);
        for (long tries = 0; ; tries++)
        {
            if (tries > maxTries)
                throw new InvalidOperationException($"No cell in the {width}x{height} rectangle at {top} was accepted after {maxTries} tries.");
            var cell = new CellPosition(rng.NextInt(left, right), rng.NextInt(upper, bottom));
            if (grid.Get(cell.X, cell.Y) is not Empty || cell == agent || (reject is not null && reject(cell)))
                continue;
            if (obj is not null)
                grid.Set(cell.X, cell.Y, obj);
            return cell;
        }
    }

    /// <summary><c>place_obj</c> over the whole grid: see the overload taking a rectangle.</summary>
    public static CellPosition PlaceObject(
        CellGrid grid, Rng rng, WorldObject? obj, CellPosition? agent,
        Func<CellPosition, bool>? reject = null, int maxTries = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return PlaceObject(grid, rng, obj, agent, new CellPosition(0, 0), grid.Width, grid.Height, reject, maxTries);
    }

    /// <summary>
    /// <c>place_agent</c> with a random direction: an empty cell of the rectangle (as <see cref="PlaceObject(CellGrid, Rng, WorldObject?, CellPosition?, CellPosition, int, int, Func{CellPosition, bool}?, int)"/>
    /// chooses it) then a uniform direction. For MiniGrid's <c>rand_dir=False</c>, choose the cell with
    /// <c>PlaceObject(grid, rng, null, null, ...)</c> and keep the direction.
    /// </summary>
    public static AgentPlacement PlaceAgent(CellGrid grid, Rng rng, CellPosition top, int width, int height, int maxTries = int.MaxValue)
    {
        CellPosition cell = PlaceObject(grid, rng, null, null, top, width, height, null, maxTries);
        return new AgentPlacement(cell, RandomDirection(rng));
    }

    /// <summary><c>place_agent()</c> over the whole grid, with a random direction.</summary>
    public static AgentPlacement PlaceAgent(CellGrid grid, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return PlaceAgent(grid, rng, new CellPosition(0, 0), grid.Width, grid.Height);
    }

    /// <summary>A uniform direction (<c>_rand_int(0, 4)</c>).</summary>
    public static Direction RandomDirection(Rng rng) => (Direction)rng.NextInt(4);

    /// <summary><c>_rand_bool</c>: true with probability one half (MiniGrid's <c>integers(0, 2) == 0</c>).</summary>
    public static bool RandomBool(Rng rng) => rng.NextInt(2) == 0;

    /// <summary><c>_rand_elem</c>: a uniformly chosen element of <paramref name="items"/>.</summary>
    public static T RandomElement<T>(Rng rng, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
            throw new ArgumentException("Cannot choose from an empty list.", nameof(items));
        return items[rng.NextInt(items.Count)];
    }

    /// <summary>
    /// <c>_rand_subset</c>: <paramref name="count"/> distinct elements of <paramref name="items"/>, drawn one at a
    /// time from what is left, in the order drawn.
    /// </summary>
    public static List<T> RandomSubset<T>(Rng rng, IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, items.Count);
        var left = new List<T>(items);
        var chosen = new List<T>(count);
        while (chosen.Count < count)
        {
            T item = left[rng.NextInt(left.Count)];
            // As list.remove: the first element equal to the one drawn goes.
            left.Remove(item);
            chosen.Add(item);
        }
        return chosen;
    }

    /// <summary>
    /// <c>np_random.shuffle</c>: shuffles <paramref name="items"/> in place, uniformly (Fisher-Yates from the last
    /// element down, each swapped with a uniformly drawn element at or before it).
    /// </summary>
    public static void Shuffle<T>(Rng rng, IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>_rand_color</c>: a uniformly chosen colour, from <see cref="ColorNames"/>.</summary>
    public static ObjectColor RandomColor(Rng rng) => RandomElement(rng, ColorsByName);
}
