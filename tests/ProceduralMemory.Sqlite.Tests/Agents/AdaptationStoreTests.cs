using System.Security.Cryptography;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>Adaptation by an agent learning into a SQLite library: variants are rows of their own, originals untouched.</summary>
public class AdaptationStoreTests
{
    private static Dictionary<int, string> StoredPolicyChecksums(ISkillStore store) =>
        store.ReadChanges(0).Skills.ToDictionary(s => s.Id, s => Convert.ToHexString(SHA256.HashData(s.Policy.Data)));

    [Fact]
    public void ASkillThatFailed_KeepsItsStoredPolicyBitIdentical_AndItsVariantsComeBackOnReopening()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        var options = new ProceduralMemoryAgentOptions { Seed = 1, Adaptation = new SkillAdaptationOptions() };
        int protectedEpisodes = 0, kept;
        using (var store = SqliteSkillStore.Open(path))
        {
            var agent = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            for (int episode = 0; episode < 120; episode++)
            {
                Dictionary<int, string> before = StoredPolicyChecksums(store);
                Dictionary<int, int> failures = agent.Library.Skills.ToDictionary(s => s.Id, s => s.Statistics.Uses - s.Statistics.Successes);
                int variantsBefore = agent.AdaptedVariants;
                agent.PlayEpisode(1000 + episode, 640, learn: true);
                Dictionary<int, string> after = StoredPolicyChecksums(store);
                foreach (Skill skill in agent.Library.Skills.Where(s => before.ContainsKey(s.Id) && failures.ContainsKey(s.Id)))
                {
                    if (skill.Statistics.Uses - skill.Statistics.Successes == failures[skill.Id])
                        continue;
                    Assert.Equal(before[skill.Id], after[skill.Id]); // it failed this episode: its stored policy is never changed by adaptation
                    if (agent.AdaptedVariants > variantsBefore)
                        protectedEpisodes++;
                }
            }
            kept = agent.AdaptedVariants;
        }

        Assert.True(protectedEpisodes > 0, "no failing skill was adapted; the test checked nothing");
        Assert.True(kept > 0, "no variant was kept");
        using (var store = SqliteSkillStore.Open(path))
        {
            SkillRecord[] records = [.. store.ReadChanges(0).Skills];
            SkillRecord[] variants = [.. records.Where(r => r.Variant is not null)];
            Assert.NotEmpty(variants);
            Assert.All(variants, v => Assert.StartsWith("adapted ", v.Variant, StringComparison.Ordinal));
            Assert.All(variants, v => Assert.Contains(records, o => o.Variant is null && o.Preconditions == v.Preconditions && o.Effect == v.Effect));
            var reopened = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            Assert.Equal(variants.Select(v => (v.Id, v.Variant)), reopened.Library.Skills.Where(s => s.Variant is not null).OrderBy(s => s.Id).Select(s => (s.Id, s.Variant)));
        }
    }
}
