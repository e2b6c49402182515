using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

public sealed class LookupPoolTests
{
    private static (LibraryWorld World, IReadOnlyList<PoolEntry> Pool) Build(string instruction)
    {
        var world = new LibraryWorld();
        world.Reset(LibraryWorld.Task("t", instruction));
        return (world, LookupPool.Build(world, instruction));
    }

    [Fact]
    public void Build_MakesTheLookUpsTheTextsWordsLeadTo_ThenThoseTheirResultsLeadTo()
    {
        var (_, pool) = Build("Hello, this is Ada Lovelace. Please return Dune from loan L-20417.");

        PoolEntry byName = Assert.Single(pool, e => e.Call.Name == "find_member_by_name");
        Assert.Equal(0, byName.Round);
        Assert.Equal("mem_1001", byName.Result.GetValue<string>());
        Assert.Equal(0, Assert.Single(pool, e => e.Call.SameAs(LibraryWorld.Read("get_loan", "loan_id", "L-20417"))).Round);
        // The member id the loan holds, and the books it lists, are read in the next round.
        Assert.Equal(1, Assert.Single(pool, e => e.Call.SameAs(LibraryWorld.Read("get_member", "member_id", "mem_1001"))).Round);
        Assert.Equal(["bk_2001", "bk_2002", "bk_2003"],
            pool.Where(e => e.Call.Name == "get_book").Select(e => e.Call.Arguments.GetProperty("book_id").GetString()).Order());
        // Values are followed under their own names only: the member's record lists "loans", not a "loan_id", so
        // the member's other loan is not read.
        Assert.DoesNotContain(pool, e => e.Call.SameAs(LibraryWorld.Read("get_loan", "loan_id", "L-20533")));
    }

    [Fact]
    public void Build_NeverChangesState_NorCallsTheSameLookUpTwice()
    {
        var (world, pool) = Build("Hello, this is Ada Lovelace. Please return Dune from loan L-20417.");

        Assert.DoesNotContain(world.Invoked, c => c.Name is "return_books" or "renew_loan");
        Assert.Equal(pool.Count, pool.Select(e => e.Call.ToString()).Distinct().Count());
        Assert.Equal(world.Invoked.Count, world.Invoked.Select(c => c.ToString()).Distinct().Count());
    }

    [Fact]
    public void Build_OfATextWithNoIdentifiers_IsEmpty()
    {
        var (world, pool) = Build("please return my books");

        Assert.Empty(pool);
        Assert.Empty(world.Invoked);
    }

    [Fact]
    public void IdentifierWords_AreCapitalisedOrHoldDigitsAtUnderscoreOrHash_OnceEach()
    {
        var words = LookupPool.IdentifierWords("Hello, this is Ada with order #W12, mail ada@x.org, item_7 and 42 lamps. Ada again");

        Assert.Equal(["Hello", "Ada", "#W12", "ada@x.org", "item_7", "42"], words);
    }

    [Fact]
    public void Required_AreTheSchemasRequiredParametersInOrder()
    {
        var tools = new LibraryWorld().Tools.ToDictionary(t => t.Name);

        Assert.Equal(["first_name", "last_name"], LookupPool.Required(tools["find_member_by_name"]));
        Assert.Equal(["loan_id", "book_ids"], LookupPool.Required(tools["return_books"]));
    }
}
