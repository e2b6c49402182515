using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tools.Procedures.Consolidation;

/// <summary>
/// Consolidates a procedure library in ONE commit. Procedures recorded one trajectory at a time are each induced from
/// one demonstration, so variants of one procedure pile up (on tau-bench retail, 100 reported conversations leave 122
/// where learning them together gives 6). Here: (1) an active procedure whose judged uses mostly fail is retired by the
/// lifecycle's <see cref="RetirementRule"/>; (2) the other active procedures are grouped by the sub-goal they serve
/// (<see cref="SubgoalSignature"/>, induction's own merge key), one procedure is induced again from each group's pooled
/// demonstrations with their recorded results (<see cref="ProcedureInducer"/> on a <see cref="RecordedToolEnvironment"/>),
/// and it takes the members' summed uses, successes and demonstrations while the members are retired, restorable, as a
/// merge retires (<see cref="SkillRetirement.Merged"/>: counts carried over). A member whose recorded demonstration it
/// reproduces (<see cref="DemonstrationReplay"/>) but the merged procedure does not is kept out and the rest induced
/// again, so nothing that worked is lost; except a member that reproduced it only literally, with a constant where the
/// merged procedure reads the value from the text or a result (<see cref="ProcedureGroup.Literal"/>). Deterministic: groups, members and demonstrations are taken in id order.
/// </summary>
public static class ProcedureConsolidation
{
    /// <summary>What a consolidation did (or, dry, would do).</summary>
    /// <param name="Groups">Every signature with at least two active variants, in signature order.</param>
    /// <param name="Failing">Procedures retired because their uses mostly failed, with the retirement.</param>
    /// <param name="ActiveBefore">Active procedures before.</param>
    /// <param name="ActiveAfter">Active procedures after.</param>
    public sealed record Result(IReadOnlyList<ProcedureGroup> Groups, IReadOnlyList<(Skill Skill, SkillRetirement Retirement)> Failing,
        int ActiveBefore, int ActiveAfter)
    {
        /// <summary>The groups merged.</summary>
        public IEnumerable<ProcedureGroup> Merged => Groups.Where(g => g.Merged is not null);
    }

    /// <summary>
    /// Plans the consolidation of <paramref name="library"/> (procedures of <paramref name="tools"/>) without changing it:
    /// the failing procedures <paramref name="retirement"/> retires (null: none) and each group of variants.
    /// </summary>
    public static (IReadOnlyList<(Skill Skill, SkillRetirement Retirement)> Failing, IReadOnlyList<ProcedureGroup> Groups) Plan(
        SkillLibrary library, IReadOnlyList<ToolDefinition> tools, RetirementRule? retirement, long episode)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(tools);
        List<Skill> active = [.. library.ActiveSkills.Where(s => s.Policy is ProcedurePolicy && s.Variant is null).OrderBy(s => s.Id)];
        var failing = new List<(Skill, SkillRetirement)>();
        foreach (Skill skill in active)
            if (retirement?.Judge(skill, episode) is { } retired)
                failing.Add((skill, retired));
        var replay = new DemonstrationReplay(tools);
        var identities = library.Skills.Where(s => s.Policy is ProcedurePolicy)
            .ToDictionary(s => s.Id, s => ToolDomain.IdentityOf(ProcedureSkills.ProcedureOf(s)));
        var groups = active.Except(failing.Select(f => f.Item1))
            .GroupBy(s => SubgoalSignature.Of(ProcedureSkills.ProcedureOf(s)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Consolidate(g.Key, [.. g], tools, replay, identities))
            .ToList();
        return (failing, groups);
    }

    /// <summary>
    /// Reads <paramref name="store"/>'s procedure library, plans its consolidation (<see cref="Plan"/>) and, unless
    /// <paramref name="dryRun"/>, writes it in one commit: the merged procedures as new skills (or, when one is a member's
    /// own procedure, that member updated in place), the members' and the failing procedures' retirements.
    /// </summary>
    /// <exception cref="LibraryException">The store holds no procedure library, or refuses the commit (nothing is written then).</exception>
    public static Result Run(ISkillStore store, IReadOnlyList<ToolDefinition> tools, IKeyProvider<string> keys, RetirementRule? retirement, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        LibraryChanges stored = store.ReadChanges(0);
        SkillLibrary library = ProcedureLibrary.Load(store);
        int before = Active(library);
        var (failing, groups) = Plan(library, tools, retirement, stored.Episodes);
        var merged = groups.Where(g => g.Merged is not null).ToList();
        int after = before - failing.Count - merged.Sum(g => g.Members.Count - 1);
        if (dryRun || (failing.Count == 0 && merged.Count == 0))
            return new Result(groups, failing, before, dryRun ? after : before);

        var names = library.Skills.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var newSkills = new List<NewSkill>();
        var updates = new List<SkillUpdate>([.. failing.Select(f => new SkillUpdate(f.Skill.Id) { Retire = f.Retirement })]);
        var into = new List<(ProcedureGroup Group, string Name, Skill? Target)>();
        foreach (ProcedureGroup group in merged)
        {
            Procedure procedure = group.Merged!;
            var (uses, successes, demonstrations) = group.Counts;
            string identity = ToolDomain.IdentityOf(procedure);
            // The merged procedure may be one member's own (the others' demonstrations added nothing it lacked): that
            // member takes the others in place, as a stored skill's identity is never given to a second skill.
            Skill? target = group.Members.FirstOrDefault(m => ToolDomain.IdentityOf(ProcedureSkills.ProcedureOf(m)) == identity);
            string name = target?.Name ?? SkillNames.Unique(ProcedureSkills.NameOf(procedure), names);
            names.Add(name);
            if (target is null)
            {
                Skill skill = ProcedureSkills.Create(procedure, keys);
                skill.Statistics.Restore(uses, successes, demonstrations);
                // A new procedure starts its trial: the members' failures are history, not evidence against it.
                skill.TrialStart = (uses, successes);
                newSkills.Add(new NewSkill(SkillRecord.Of(skill) with { Name = name }, []));
            }
            else
            {
                updates.Add(new SkillUpdate(target.Id)
                {
                    AddUses = uses - target.Statistics.Uses,
                    AddSuccesses = successes - target.Statistics.Successes,
                    AddDemonstrations = demonstrations - target.Statistics.Demonstrations,
                    Key = keys.KeyOf(procedure.Purpose),
                    StepLimit = ProcedureSkills.StepLimitOf(procedure),
                    Policy = ProcedurePolicyCodec.Store(procedure),
                    StartTrial = true,
                });
            }
            string detail = $"a variant of {group.Signature}, induced again from {group.Members.Count} procedures' {procedure.Demonstrations.Count} demonstrations";
            updates.AddRange(group.Members.Where(m => m != target)
                .Select(m => new SkillUpdate(m.Id) { Retire = SkillRetirement.Merged(stored.Episodes, name, detail) }));
            into.Add((group, name, target));
        }
        CommitResult result = store.Commit(new LibraryCommit
        {
            NewSkills = newSkills,
            Updates = updates,
            EpisodesToKeep = stored.EpisodesKept,
            KeysFrom = keys.ModelId,
        });
        int created = 0;
        var done = into.Select(i => i.Group with { Into = (i.Target?.Id ?? result.NewSkills[created++].Id, i.Name) }).ToList();
        var final = groups.Select(g => done.FirstOrDefault(d => d.Signature == g.Signature) ?? g).ToList();
        return new Result(final, failing, before, after);
    }

    private static int Active(SkillLibrary library) => library.ActiveSkills.Count(s => s.Policy is ProcedurePolicy);

    // Induces the group's procedure again and replays every member's demonstrations with it; members that would lose a
    // demonstration they replay are kept out, and the rest induced again, until none would (or fewer than two remain).
    private static ProcedureGroup Consolidate(string signature, IReadOnlyList<Skill> variants, IReadOnlyList<ToolDefinition> tools,
        DemonstrationReplay replay, IReadOnlyDictionary<int, string> identities)
    {
        if (variants.FirstOrDefault(v => ProcedureSkills.ProcedureOf(v).Demonstrations.Any(d => d.Results is null)) is { } unrecorded)
            return new ProcedureGroup(signature, variants, [], null,
                $"{unrecorded.Name} has demonstrations without recorded results, which cannot be induced again or replayed");
        // What each member replays of its own demonstrations: what the merged procedure must replay too.
        var owned = variants.ToDictionary(v => v.Id, v => ProcedureSkills.ProcedureOf(v).Demonstrations
            .Where(d => replay.Reproduces(ProcedureSkills.ProcedureOf(v), d)).ToList());
        List<Skill> members = [.. variants];
        while (members.Count > 1)
        {
            Procedure? merged = Induce(signature, members, tools);
            if (merged is null)
                return new ProcedureGroup(signature, variants, [], null, "induction from the pooled demonstrations gives no procedure of this signature");
            var losing = members.Where(m => !Literal(m, merged) && owned[m.Id].Any(d => !replay.Reproduces(merged, d))).ToList();
            if (losing.Count == 0)
            {
                string identity = ToolDomain.IdentityOf(merged);
                if (identities.FirstOrDefault(i => i.Value == identity && !members.Any(m => m.Id == i.Key)) is { Value: not null } other)
                    return new ProcedureGroup(signature, variants, [], null, $"the merged procedure is stored already as skill {other.Key}, which is not a member");
                return new ProcedureGroup(signature, variants, members, merged, null)
                {
                    Literal = [.. members.Where(m => Literal(m, merged) && owned[m.Id].Any(d => !replay.Reproduces(merged, d)))],
                };
            }
            members.RemoveAll(losing.Contains);
        }
        return new ProcedureGroup(signature, variants, [], null, "a merged procedure could not replay the demonstrations its members replay");
    }

    // A member replays its demonstration literally when its state change takes as a constant a value the merged
    // procedure reads from the text or a result (the new item ids of a conversation that never looked them up): that is
    // one demonstration's particulars, not a way of doing the task that worked, so it does not hold the merge back.
    private static bool Literal(Skill member, Procedure merged)
    {
        ProcedureStep? own = ProcedureSkills.ProcedureOf(member).Steps.LastOrDefault(s => s.ChangesState);
        ProcedureStep? general = merged.Steps.LastOrDefault(s => s.ChangesState);
        if (own is null || general is null)
            return false;
        return own.Arguments.Any(a => a.Source is ConstantValue
            && general.Arguments.FirstOrDefault(g => g.Parameter == a.Parameter)?.Source is { } source && source is not ConstantValue);
    }

    private static Procedure? Induce(string signature, IReadOnlyList<Skill> members, IReadOnlyList<ToolDefinition> tools)
    {
        // Each demonstration once, in member order: a demonstration with several sub-goals can sit in two procedures.
        List<ToolDemonstration> pooled = [.. members.SelectMany(m => ProcedureSkills.ProcedureOf(m).Demonstrations)
            .DistinctBy(d => d.Source + "\n" + d.Instruction + "\n" + string.Join("\n", d.Calls.Select(c => c.ToString())))];
        var environment = new RecordedToolEnvironment(tools, pooled.Select(d => new TraceRecord(d, d.RecordedTrajectory(), true)));
        var inducer = new ProcedureInducer(environment);
        foreach (ToolDemonstration demonstration in pooled)
            inducer.Add(demonstration);
        return inducer.Procedures().FirstOrDefault(p => SubgoalSignature.Of(p) == signature);
    }
}
