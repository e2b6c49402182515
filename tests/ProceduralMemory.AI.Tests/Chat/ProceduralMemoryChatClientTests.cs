using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Agents;
using ProceduralMemory.Tools.Evaluation;
using ProceduralMemory.Tools.Procedures.Consolidation;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;
using Xunit.Abstractions;

namespace ProceduralMemory.AI.Tests.Chat;

/// <summary>
/// The middleware under the real <see cref="FunctionInvokingChatClient"/>, calling the real tau-bench retail tools,
/// with a scripted model that knows only what the conversation shows it. The library is learned from train tasks; the
/// tasks solved are held-out test tasks.
/// </summary>
public sealed class ProceduralMemoryChatClientTests(RetailLibrary library, ITestOutputHelper output) : IClassFixture<RetailLibrary>, IDisposable
{
    private const int HeldOutTasks = 30;
    private readonly TemporaryDirectory folder = new();

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task HeldOutTasks_AreSolvedWithRecalledProcedures_AndNoneWithout(bool memoryOutsideFunctionInvocation, bool streaming)
    {
        using var learned = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        using var empty = SqliteSkillStore.Open(folder.Combine("empty.db"));
        int with = await SolvedAsync(new ProcedureMemory(learned, library.Tools), memoryOutsideFunctionInvocation, streaming);
        int without = await SolvedAsync(new ProcedureMemory(empty, library.Tools), memoryOutsideFunctionInvocation, streaming);
        output.WriteLine($"held-out retail tasks (the first {HeldOutTasks} from train task 400 on that change the state) solved: {with} with procedural memory, {without} without");
        Assert.Equal(0, without);
        Assert.InRange(with, 8, HeldOutTasks);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReportedConversations_AreDemonstrations_TheMemoryLearnsProceduresFrom(bool teacherLooksUpFirst)
    {
        using var store = SqliteSkillStore.Open(folder.Combine("taught.db"));
        var memory = new ProcedureMemory(store, library.Tools);
        int learned = await TeachAsync(memory, teacherLooksUpFirst);

        int solved = await SolvedAsync(memory, memoryOutsideFunctionInvocation: true, streaming: false);
        output.WriteLine($"teacher {(teacherLooksUpFirst ? "looks up first" : "makes the ground-truth calls only")}: {learned} procedures "
            + $"learned from 100 reported conversations; {solved} of {HeldOutTasks} held-out tasks solved with them");
        Assert.True(learned > 0);
        // A recorded trajectory explains an argument only from the results it shows. tau-bench's ground-truth calls are
        // mostly the changes alone, so those conversations teach item ids as constants (measured 3 of 30); a teacher that
        // looks up the user, order and products first teaches where the ids come from (measured 19; the 100 tasks learned
        // together on the live domain, as procmem procedures learn does: 22).
        Assert.InRange(solved, teacherLooksUpFirst ? 12 : 2, HeldOutTasks);
    }

    [Fact]
    public async Task ReportedConversations_Consolidated_LeaveOneProcedurePerSubgoal_AndSolveAtLeastAsMany()
    {
        using var store = SqliteSkillStore.Open(folder.Combine("consolidated.db"));
        var memory = new ProcedureMemory(store, library.Tools);
        await TeachAsync(memory, teacherLooksUpFirst: true);
        int before = memory.List().Count;
        int solvedBefore = await SolvedAsync(memory, memoryOutsideFunctionInvocation: true, streaming: false);

        ProcedureConsolidation.Result result = memory.Consolidate();
        int after = memory.List().Count;
        foreach (ProcedureGroup group in result.Groups)
            output.WriteLine($"{group.Signature}: {group.Variants.Count} variants, {group.Members.Count} merged into {group.Into?.Name ?? "-"}"
                + $" ({group.Literal.Count} replayed only literally), {group.KeptOut.Count()} kept out{(group.Refusal is null ? "" : "; refused: " + group.Refusal)}");
        int solvedAfter = await SolvedAsync(memory, memoryOutsideFunctionInvocation: true, streaming: false);
        output.WriteLine($"procedures {before} -> {after}; held-out tasks solved {solvedBefore} -> {solvedAfter} of {HeldOutTasks}");
        Assert.Equal(after, result.ActiveAfter);
        // Measured: 122 -> 6 procedures (one per kind of change the 100 tasks make, as learning them together gives),
        // 19 -> 22 of 30 solved (the 6 learned together on the live domain solve 22 too).
        Assert.True(after < before / 4, $"{before} -> {after}");
        Assert.True(solvedAfter >= solvedBefore, $"{solvedBefore} -> {solvedAfter}");
        // Nothing is lost: every procedure is still in the library, the merged members retired with their counts carried over.
        var records = store.ReadChanges(0).Skills;
        Assert.True(records.Count >= before);
        Assert.All(result.Merged.SelectMany(g => g.Members).Where(m => result.Merged.All(g => g.Into!.Value.Id != m.Id)),
            m => Assert.StartsWith("merged into ", records.Single(r => r.Id == m.Id).Retired!.Reason));
    }

    [Fact]
    public async Task ReportedConversations_ConsolidatedEveryTenSuccesses_AsTheyAreRecorded_LeaveFewProcedures()
    {
        using var store = SqliteSkillStore.Open(folder.Combine("consolidating.db"));
        var memory = new ProcedureMemory(store, library.Tools, options: new ProcedureMemoryOptions { ConsolidateEvery = 10 });
        await TeachAsync(memory, teacherLooksUpFirst: true);
        int procedures = memory.List().Count;
        int solved = await SolvedAsync(memory, memoryOutsideFunctionInvocation: true, streaming: false);
        output.WriteLine($"consolidating every 10 recorded successes: {procedures} procedures; {solved} of {HeldOutTasks} held-out tasks solved");
        Assert.True(procedures < 30, $"{procedures} procedures");
        Assert.InRange(solved, 12, HeldOutTasks);
    }

    private async Task<int> TeachAsync(ProcedureMemory memory, bool teacherLooksUpFirst)
    {
        TauEnvironment environment = library.Domain.CreateEnvironment();
        int learned = 0;
        foreach (ToolTask task in library.Domain.Tasks("train").Take(100))
        {
            ToolTask taught = teacherLooksUpFirst ? task with { Actions = [.. LookUps(task), .. task.Actions] } : task;
            IChatClient teacher = Pipeline(new DemonstratingChatClient(taught), memory, memoryOutsideFunctionInvocation: true);
            string conversation = task.Id;
            environment.Reset(task);
            await teacher.GetResponseAsync([new ChatMessage(ChatRole.User, task.Instruction)], Options(environment, conversation));
            Assert.Equal(taught.Actions.Count, teacher.GetService<ProceduralMemoryChatClient>()!.TrajectoryOf(conversation).Count);
            RecordingResult result = await teacher.ReportOutcomeAsync(conversation, environment.Evaluate([]).StateMatches);
            learned += result.Learned.Count(l => l.Created);
        }
        return learned;
    }

    // The look-ups a careful agent makes before acting on a task: those procmem's explainer makes for it on the live
    // domain (the user, their orders, the products concerned) that succeed, each once.
    private List<ToolCall> LookUps(ToolTask task)
    {
        var recording = new RecordingToolEnvironment(library.Domain.CreateEnvironment());
        new ProcedureInducer(recording).Add(ToolBenchmark.DemonstrationOf(task));
        var changes = library.Tools.Where(t => t.ChangesState).Select(t => t.Name).ToHashSet();
        var lookUps = new List<ToolCall>();
        foreach (ToolStep step in recording.Steps)
            if (!step.Result.IsError && !changes.Contains(step.Call.Name) && !lookUps.Any(c => c.SameAs(step.Call)))
                lookUps.Add(step.Call);
        return lookUps;
    }

    [Fact]
    public async Task Guidance_ComesAfterTheCallersSystemMessage_AndRendersStepsSlotsAndSuccessRate()
    {
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        var memory = new ProcedureMemory(store, library.Tools);
        ToolTask task = library.Domain.Tasks("test")[0];
        List<ChatMessage>? seen = null;
        IChatClient client = new ChatClientBuilder(new DemonstratingChatClient(task with { Actions = [] }))
            .UseProceduralMemory(memory, new ProceduralMemoryChatOptions { MaxProcedures = 2 })
            .Use((messages, options, next, cancellationToken) =>
            {
                seen = [.. messages];
                return next(messages, options, cancellationToken);
            })
            .Build();
        List<ChatMessage> history = [new(ChatRole.System, "You are a retail agent."), new(ChatRole.User, task.Instruction)];

        await client.GetResponseAsync(history);

        Assert.Equal(2, history.Count); // the caller's list is left as it was
        Assert.NotNull(seen);
        Assert.Equal(3, seen.Count);
        Assert.Equal("You are a retail agent.", seen[0].Text);
        Assert.Equal(ChatRole.System, seen[1].Role);
        IReadOnlyList<ProcedureView> shown = ProcedureGuidance.Parse(seen[1].Text);
        Assert.InRange(shown.Count, 1, 2);
        IReadOnlyList<RecalledProcedure> recalled = memory.Recall(task.Instruction, 2);
        Assert.Equal(recalled.Select(r => r.Procedure.Id), shown.Select(p => p.Id));
        ProcedureView first = shown[0];
        Assert.Contains($"1. {first.Name} (procedure {first.Id}", seen[1].Text);
        Assert.Contains($"{first.Demonstrations} demonstration(s)", seen[1].Text);
        Assert.Contains("   For: " + first.Purpose, seen[1].Text);
        Assert.All(first.Slots, s => Assert.Contains("{" + s.Name + "}: " + s.Kind, seen[1].Text));
        Assert.All(first.Steps, s => Assert.Contains(s.Tool + "(", seen[1].Text));
        Assert.Contains("[changes state]", seen[1].Text);
    }

    [Fact]
    public async Task SimilarityFloor_AboveEveryMatch_AddsNoGuidance()
    {
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        var memory = new ProcedureMemory(store, library.Tools);
        var model = new ProcedureFollowingChatClient(library.Tools);
        IChatClient client = new ChatClientBuilder(model)
            .UseProceduralMemory(memory, new ProceduralMemoryChatOptions { SimilarityFloor = 1.01f })
            .Build();

        ChatResponse response = await client.GetResponseAsync(library.Domain.Tasks("test")[0].Instruction);

        Assert.Equal(ProcedureFollowingChatClient.NoIdea, response.Text);
        Assert.Equal(1, model.Requests);
        Assert.Equal(0, model.GuidedRequests);
    }

    [Fact]
    public async Task AFailedConversation_CountsAFailedUse_OfEachProcedureItFollowed()
    {
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        var memory = new ProcedureMemory(store, library.Tools);
        TauEnvironment environment = library.Domain.CreateEnvironment();
        IChatClient client = Pipeline(new ProcedureFollowingChatClient(library.Tools), memory, memoryOutsideFunctionInvocation: true);
        // The first held-out task the model acts on (on some, no recalled procedure fits and it calls nothing).
        string conversation = "";
        foreach (ToolTask task in HeldOut())
        {
            conversation = task.Id;
            environment.Reset(task);
            await client.GetResponseAsync([new ChatMessage(ChatRole.User, task.Instruction)], Options(environment, conversation));
            if (client.GetService<ProceduralMemoryChatClient>()!.TrajectoryOf(conversation).Count > 0)
                break;
        }
        Assert.NotEmpty(client.GetService<ProceduralMemoryChatClient>()!.TrajectoryOf(conversation));

        RecordingResult result = await client.ReportOutcomeAsync(conversation, success: false, notes: "the user wanted something else");

        Assert.Empty(result.Learned);
        Assert.NotEmpty(result.Followed);
        foreach (ProcedureView after in result.Followed)
        {
            using var original = SqliteSkillStore.Open(library.Path);
            ProcedureView before = new ProcedureMemory(original, library.Tools).Get(after.Id);
            Assert.Equal(before.Uses + 1, after.Uses);
            Assert.Equal(before.Successes, after.Successes);
        }
        // The conversation is over: reporting it again is an error.
        await Assert.ThrowsAsync<ProcedureRequestException>(() => client.ReportOutcomeAsync(conversation, success: true));
    }

    [Fact]
    public async Task AFailedToolCall_IsRecordedAsAnError_WithTheToolsMessage()
    {
        using var store = SqliteSkillStore.Open(folder.Combine("errors.db"));
        var memory = new ProcedureMemory(store, library.Tools);
        TauEnvironment environment = library.Domain.CreateEnvironment();
        ToolTask task = library.Domain.Tasks("train")[0];
        ToolCall bad = ToolCall.Parse("get_order_details", """{"order_id": "#W0000000"}""");
        IChatClient client = Pipeline(new DemonstratingChatClient(task with { Actions = [bad] }), memory, memoryOutsideFunctionInvocation: false);
        environment.Reset(task);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, task.Instruction)], Options(environment, "c2"));

        RecordedCall call = Assert.Single(client.GetService<ProceduralMemoryChatClient>()!.TrajectoryOf("c2"));
        Assert.Equal("get_order_details", call.Name);
        Assert.True(call.IsError);
        Assert.Contains("order not found", call.Result, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportOutcome_OnAPipelineWithoutMemory_OrForAnUnknownConversation_IsAClearError()
    {
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        IChatClient plain = new ChatClientBuilder(new ProcedureFollowingChatClient(library.Tools)).UseFunctionInvocation().Build();
        IChatClient remembering = Pipeline(new ProcedureFollowingChatClient(library.Tools), new ProcedureMemory(store, library.Tools), true);

        var noMemory = await Assert.ThrowsAsync<InvalidOperationException>(() => plain.ReportOutcomeAsync("c", true));
        var unknown = await Assert.ThrowsAsync<ProcedureRequestException>(() => remembering.ReportOutcomeAsync("never", true));

        Assert.Contains("UseProceduralMemory", noMemory.Message);
        Assert.Contains("'never'", unknown.Message);
    }

    [Fact]
    public async Task AMemoryKeyedByTheUsersOwnEmbeddingGenerator_RecallsIntoTheConversation()
    {
        // Any IEmbeddingGenerator works; here one of another dimension than the default, so the keys are its own.
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashedNgramEmbedder(128);
        using var store = SqliteSkillStore.Open(folder.Combine("own-embedder.db"));
        var memory = new ProcedureMemory(store, library.Tools, generator, 128);
        TauEnvironment environment = library.Domain.CreateEnvironment();
        foreach (ToolTask task in library.Domain.Tasks("train").Take(20))
        {
            environment.Reset(task);
            var calls = task.Actions.Select(a => (a, environment.Invoke(a)))
                .Select(p => new RecordedCall(p.a.Name, p.a.Arguments, p.Item2.Output, p.Item2.IsError)).ToList();
            memory.Record(task.Instruction, calls, success: true);
        }
        var model = new ProcedureFollowingChatClient(library.Tools);
        IChatClient client = new ChatClientBuilder(model).UseProceduralMemory(memory).Build();

        await client.GetResponseAsync(library.Domain.Tasks("test")[0].Instruction);

        Assert.Equal(128, memory.Manifest.EmbeddingDimension);
        Assert.Equal(1, model.GuidedRequests);
    }

    public void Dispose() => folder.Dispose();

    private async Task<int> SolvedAsync(ProcedureMemory memory, bool memoryOutsideFunctionInvocation, bool streaming)
    {
        TauEnvironment environment = library.Domain.CreateEnvironment();
        IChatClient client = Pipeline(new ProcedureFollowingChatClient(library.Tools), memory, memoryOutsideFunctionInvocation);
        int solved = 0;
        foreach (ToolTask task in HeldOut())
        {
            environment.Reset(task);
            List<ChatMessage> messages = [new(ChatRole.User, task.Instruction)];
            ChatOptions options = Options(environment, task.Id);
            try
            {
                if (streaming)
                {
                    List<ChatResponseUpdate> updates = [];
                    await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages, options))
                        updates.Add(update);
                    Assert.NotEmpty(updates.ToChatResponse().Messages);
                }
                else
                {
                    await client.GetResponseAsync(messages, options);
                }
            }
            catch (ToolCallFailedException e)
            {
                // Function invocation gives up after too many failed calls in a row: the conversation ends there, and
                // the state it left is judged as any other.
                output.WriteLine($"{task.Id}: function invocation gave up ({e.Message})");
            }
            if (environment.Evaluate([]).StateMatches)
                solved++;
        }
        return solved;
    }

    // Train tasks 400 on, which the library (learned from train tasks 0-199) never saw, worded as its demonstrations were
    // (the test split's other wording defeats recall by shared words: see the README's tau-bench section); only those
    // whose ground truth changes the state, so a conversation that does nothing cannot pass for a solved one.
    private IEnumerable<ToolTask> HeldOut()
    {
        TauEnvironment environment = library.Domain.CreateEnvironment();
        return library.Domain.Tasks("train").Skip(400).Where(task =>
        {
            environment.Reset(task);
            return environment.GroundTruthDigest(task) != environment.Digest;
        }).Take(HeldOutTasks);
    }

    private static IChatClient Pipeline(IChatClient model, ProcedureMemory memory, bool memoryOutsideFunctionInvocation)
    {
        var builder = new ChatClientBuilder(model);
        if (memoryOutsideFunctionInvocation)
            builder.UseProceduralMemory(memory);
        builder.UseFunctionInvocation(configure: f =>
        {
            f.IncludeDetailedErrors = true;
            // A procedure tries the combinations of items a task may mean until the tool accepts one (as many as the
            // agent's call budget per procedure), and a procedure that does not fit fails before the next is tried.
            f.MaximumIterationsPerRequest = 200;
            f.MaximumConsecutiveErrorsPerRequest = new ProcedureAgentOptions().MaxCallsPerProcedure;
        });
        if (!memoryOutsideFunctionInvocation)
            builder.UseProceduralMemory(memory);
        return builder.Build();
    }

    private static ChatOptions Options(IToolEnvironment environment, string conversation) => new()
    {
        Tools = [.. ToolEnvironmentFunction.All(environment)],
        AdditionalProperties = new() { [ProceduralMemoryChatClient.ConversationKey] = conversation },
    };
}
