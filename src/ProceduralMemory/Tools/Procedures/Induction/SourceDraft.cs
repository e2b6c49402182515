using System.Text.Json;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// One explanation of an argument's value in one demonstration, before demonstrations are merged: a slot, a path into
/// the result of the step called <see cref="StepKey"/>, the element of a for-each, or a constant. Steps are named by
/// key (the tool, numbered when one sub-goal reads it twice) so that explanations from different demonstrations meet.
/// </summary>
internal sealed record SourceDraft(string Kind, string? Slot = null, string? StepKey = null, string? Path = null, JsonElement? Constant = null)
{
    public const string SlotKind = "slot", ResultKind = "result", ElementKind = "element", ConstantKind = "constant";

    /// <summary>What makes two explanations the same explanation.</summary>
    public string Key => Kind switch
    {
        SlotKind => "slot " + Slot,
        ResultKind => $"result {StepKey} {Path}",
        ElementKind => "element " + Path,
        _ => "constant " + Constant!.Value.GetRawText(),
    };

    public static SourceDraft OfSlot(string slot) => new(SlotKind, Slot: slot);

    public static SourceDraft OfResult(string stepKey, string path) => new(ResultKind, StepKey: stepKey, Path: path);

    public static SourceDraft OfElement(string path) => new(ElementKind, Path: path);

    public static SourceDraft OfConstant(JsonElement value) => new(ConstantKind, Constant: value.Clone());
}
