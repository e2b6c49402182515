using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Tests.Agents.Parts;

/// <summary>Registers in the process-wide registries, so runs alone and removes what it added.</summary>
[CollectionDefinition(nameof(RegistrationTests), DisableParallelization = true)]
public class RegistrationCollection;

[Collection(nameof(RegistrationTests))]
public class RegistrationTests
{
    [Fact]
    public void AnEnvironmentDefinedOutsideTheLibrary_IsRegisteredLikeTheBuiltIns()
    {
        try
        {
            EnvironmentRegistry.Register("fetch-test", () => new FetchEnvironment());

            Assert.Contains("fetch-test", EnvironmentRegistry.Names);
            Assert.True(EnvironmentRegistry.Contains("fetch-test"));
            Assert.IsType<FetchEnvironment>(EnvironmentRegistry.Create("fetch-test"));
            Assert.NotSame(EnvironmentRegistry.Create("fetch-test"), EnvironmentRegistry.Create("fetch-test"));
        }
        finally
        {
            EnvironmentRegistry.Unregister("fetch-test");
        }
        Assert.False(EnvironmentRegistry.Contains("fetch-test"));
    }

    [Theory]
    [InlineData("doorkey-8x8")]
    [InlineData("gridworld")]
    public void RegisteringATakenEnvironmentName_IsRefusedWithAClearError_AndChangesNothing(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => EnvironmentRegistry.Register(name, () => new FetchEnvironment()));

        Assert.StartsWith($"An environment called '{name}' is already registered", e.Message);
        Assert.IsNotType<FetchEnvironment>(EnvironmentRegistry.Create(name));
    }

    [Fact]
    public void AnAgentDefinedOutsideTheLibrary_IsRegisteredLikeTheBuiltIns_AndATakenNameIsRefused()
    {
        try
        {
            AgentCatalog.Register("random-test", (env, seed) => new RandomAgent(env, (ulong)seed));

            Assert.Contains("random-test", AgentCatalog.Names);
            Assert.IsType<RandomAgent>(AgentCatalog.Create("random-test", new FetchEnvironment(), seed: 3));
            var e = Assert.Throws<ArgumentException>(() => AgentCatalog.Register("random-test", (env, seed) => new RandomAgent(env, 0)));
            Assert.StartsWith("An agent called 'random-test' is already registered", e.Message);
            Assert.Throws<ArgumentException>(() => AgentCatalog.Register("procmem", (env, seed) => new RandomAgent(env, 0)));
        }
        finally
        {
            AgentCatalog.Unregister("random-test");
        }
        Assert.Equal(["ppo", "procmem", "qlearning", "random", "seed-replay"], AgentCatalog.Names);
    }

    [Fact]
    public void ABlankName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => EnvironmentRegistry.Register(" ", () => new FetchEnvironment()));
        Assert.Throws<ArgumentException>(() => AgentCatalog.Register("", (env, seed) => new RandomAgent(env, 0)));
    }
}
