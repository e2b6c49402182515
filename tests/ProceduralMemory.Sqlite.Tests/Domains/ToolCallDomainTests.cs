using System.Text;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Keys;

namespace ProceduralMemory.Sqlite.Tests.Domains;

/// <summary>The skill core holds skills of a domain defined only here (tool calls with JSON arguments) in a real SQLite library.</summary>
public sealed class ToolCallDomainTests : IDisposable
{
    private const ulong IssueOpen = 1, TestsPass = 2;
    private readonly TemporaryDirectory _directory = new();
    private readonly EmbeddingKeyProvider _keys = new(new TrigramEmbeddingGenerator(32), 32);

    public ToolCallDomainTests()
    {
        SkillDomains.Register(ToolCallDomain.Instance);
        PolicyKinds.Register(new ToolScriptCodec());
    }

    public void Dispose() => _directory.Dispose();

    private LibraryManifest Manifest => new(ToolCallDomain.Instance.Name, ["issue_open", "tests_pass"], ["open_issue", "run_tests", "search"],
        FeatureCount: 0, EmbeddingDimension: _keys.Dimension, KeyModel: _keys.ModelId);

    private NewSkill Skill(string name, string situation, ulong effect, params ToolCall[] calls) => new(new SkillRecord
    {
        Name = name,
        Preconditions = FactCondition.Always,
        Effect = new FactCondition(effect, effect),
        Policy = StoredPolicy.Of(new ToolScriptPolicy(calls)),
        Key = _keys.KeyOf(situation),
        StepLimit = calls.Length,
    }, []);

    private NewSkill[] Skills =>
    [
        Skill("report_bug", "a crash was seen: file a bug report", IssueOpen,
            new ToolCall("search", """{"query":"crash on start"}"""), new ToolCall("open_issue", """{"title":"Crash on start","labels":["bug"]}""")),
        Skill("check_build", "make sure the build is green: run the tests", TestsPass,
            new ToolCall("run_tests", """{"filter":"*","timeout_s":600}""")),
    ];

    [Fact]
    public void ToolCallSkills_AreStoredInSqlite_ReadBack_AndRetrievedByTheirEmbeddedKeys()
    {
        string path = _directory.Combine("tools.db");
        using (SqliteSkillStore store = SqliteSkillStore.Open(path))
        {
            store.Create(Manifest);
            store.Commit(new LibraryCommit { NewSkills = Skills });
            // Another procedure for the same effect is another skill under this domain's rule.
            var direct = Skill("report_bug_directly", "open an issue directly", IssueOpen, new ToolCall("open_issue", """{"title":"Crash"}"""));
            Assert.True(store.Commit(new LibraryCommit { NewSkills = [direct] }).NewSkills.Single().Created);
        }

        using SqliteSkillStore reopened = SqliteSkillStore.Open(path, readOnly: true);
        Assert.Equal(Manifest, reopened.Manifest);
        Assert.Equal("tool-call", reopened.Manifest!.Domain);
        Assert.Equal(3, reopened.ReadChanges(0).Skills.Count);
        var library = new SkillLibrary(_keys.Dimension);
        foreach (SkillRecord record in reopened.ReadChanges(0).Skills)
            library.Restore(record.ToSkill());

        Skill found = library.Retrieve(new Facts(0), _keys.KeyOf("file a bug report: the app crashed"), topK: 1).Single();
        var script = Assert.IsType<ToolScriptPolicy>(found.Policy);
        Assert.Equal("report_bug", found.Name);
        Assert.Equal(["search", "open_issue"], script.Calls.Select(c => c.Tool));
        Assert.Equal("""{"title":"Crash on start","labels":["bug"]}""", script.Calls[1].ArgumentsJson);
        Assert.Equal("run_tests", Assert.IsType<ToolScriptPolicy>(library.Retrieve(new Facts(0), _keys.KeyOf("run the tests, is the build green?"), topK: 1).Single().Policy).Calls[0].Tool);
    }

    [Fact]
    public void TheDomainsIdentityRule_LetsTwoProceduresForOneEffectCoexist_InAnExport()
    {
        NewSkill bySearch = Skills[0] with { Skill = Skills[0].Skill with { Id = 0 } };
        NewSkill direct = Skill("report_bug_directly", "file a bug report", IssueOpen, new ToolCall("open_issue", """{"title":"Crash"}"""));
        direct = direct with { Skill = direct.Skill with { Id = 1 } };
        using var stream = new MemoryStream();

        LibraryJson.Write(stream, new LibraryDocument(Manifest, 1, [bySearch, direct]));
        string text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        LibraryDocument read = LibraryJson.Read(stream);

        Assert.Contains("\"identity\": \"pre 0/0 eff 1/1 via search,open_issue\"", text);
        Assert.Contains("\"identity\": \"pre 0/0 eff 1/1 via open_issue\"", text);
        Assert.Equal(2, read.Skills.Count);
        Assert.Equal(["open_issue"], Assert.IsType<ToolScriptPolicy>(read.Skills[1].Skill.ToSkill().Policy).Calls.Select(c => c.Tool));
    }

    [Fact]
    public void TheDomainsCodecs_RoundTripActionsObservationsAndOutcomes()
    {
        ToolCallDomain domain = ToolCallDomain.Instance;
        var call = new ToolCall("search", """{"query":"flaky test","limit":5}""");

        Assert.Equal(call, domain.Actions.Decode(domain.Actions.Encode(call)));
        Assert.Equal("tests failed: 3", domain.Observations.Decode(domain.Observations.Encode("tests failed: 3")));
        Assert.Equal(new ToolOutcome(true), domain.Outcomes.Decode(domain.Outcomes.Encode(new ToolOutcome(true))));
    }
}
