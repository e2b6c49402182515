using ProceduralMemory.Tools;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class TauDatabaseTests
{
    [Fact]
    public void Digest_OfInitialRetailDatabase_MatchesTheReference() =>
        Assert.Equal("ae10e8a7f23bedf88c90a528efa2d59d27cae24b5ce1f0d28768b39257bf9f0d", TauDomains.Retail.Database.Fork().Digest());

    [Fact]
    public void Digest_OfInitialAirlineDatabase_MatchesTheReference() =>
        Assert.Equal("f212eeda89b986239ddfb1a9b3d07d2b388112869864655ec9e5cc7ab07ab41c", TauDomains.Airline.Database.Fork().Digest());

    [Fact]
    public void Fork_KeepsChangesAwayFromTheInitialDatabase()
    {
        var fork = TauDomains.Retail.Database.Fork();
        TauDomains.Retail.Invoke(fork, ToolCall.Parse("modify_user_address",
            """{"user_id":"omar_anderson_3203","address1":"1 A St","address2":"","city":"X","state":"NY","country":"USA","zip":"10001"}"""));

        Assert.NotEqual(TauDomains.Retail.InitialDigest, fork.Digest());
        Assert.Equal(TauDomains.Retail.InitialDigest, TauDomains.Retail.Database.Fork().Digest());
        Assert.Equal(["omar_anderson_3203"], fork.Changed()["users"].Keys);
    }
}
