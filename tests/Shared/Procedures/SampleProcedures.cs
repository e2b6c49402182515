using System.Text.Json;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Shared.Procedures;

/// <summary>Procedures in the shape induction gives for tau-bench retail tasks, using every kind of value source.</summary>
public static class SampleProcedures
{
    /// <summary>The tools the samples call, in the order a library's manifest lists them.</summary>
    public static readonly string[] Tools =
    [
        "find_user_id_by_name_zip", "get_user_details", "get_order_details", "get_product_details",
        "return_delivered_order_items", "cancel_pending_order",
    ];

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Find the user, read the order, return the items the instruction names to the payment method it paid with.</summary>
    public static Procedure Return() => new(
        "return delivered order items",
        [
            new ProcedureSlot("first_name", "person-name") { Shapes = ["[A-Z][a-z]+"], Cues = ["am", "name"] },
            new ProcedureSlot("last_name", "person-name") { Shapes = ["[A-Z][a-z]+"] },
            new ProcedureSlot("zip", "zip") { Shapes = [@"\d{5}"], Cues = ["zip", "code"] },
            new ProcedureSlot("order_id", "order-id") { Shapes = [@"#W\d{7}"], Cues = ["order"] },
        ],
        [
            new ProcedureStep("find_user_id_by_name_zip",
                [new("first_name", new SlotValue("first_name")), new("last_name", new SlotValue("last_name")), new("zip", new SlotValue("zip"))], false),
            new ProcedureStep("get_user_details", [new("user_id", new ResultValue(0, "$"))], false),
            new ProcedureStep("get_order_details", [new("order_id", new SlotValue("order_id"))], false),
            new ProcedureStep("get_product_details", [new("product_id", new ElementValue("$.product_id"))], false)
            {
                ForEach = new ResultValue(2, "$.items[mentioned:name]"),
            },
            new ProcedureStep("return_delivered_order_items",
            [
                new("order_id", new ResultValue(2, "$.order_id")),
                new("item_ids", new ResultValue(2, "$.items[mentioned:name].item_id")),
                new("payment_method_id", new AnyOfValue([new ResultValue(2, "$.payment_history[0].payment_method_id"), new ResultValue(1, "$.payment_methods[best].id")])),
                new("notify", new ConstantValue(Json("""{"email": true, "sms": [1, 2.5, "x"]}"""))),
            ], true),
        ],
        [
            new ToolDemonstration("tau-retail/train/17", "Hi, I am Yusuf Rossi, zip 19122. Return the keyboard from order #W2378156, please.",
            [
                new ToolCall("find_user_id_by_name_zip", Json("""{"first_name": "Yusuf", "last_name": "Rossi", "zip": "19122"}""")),
                new ToolCall("return_delivered_order_items", Json("""{"order_id": "#W2378156", "item_ids": ["1151293680"], "payment_method_id": "credit_card_9513926"}""")),
            ]),
            new ToolDemonstration("tau-retail/train/40", "Return my lamp (order #W1234567).", []),
        ]);

    /// <summary>Cancel the order the instruction names, for the reason it gives.</summary>
    public static Procedure Cancel(string reason = "no longer needed") => new(
        "cancel pending order",
        [new ProcedureSlot("order_id", "order-id") { Shapes = [@"#W\d{7}"] }],
        [
            new ProcedureStep("get_order_details", [new("order_id", new SlotValue("order_id"))], false),
            new ProcedureStep("cancel_pending_order",
                [new("order_id", new ResultValue(0, "$.order_id")), new("reason", new ConstantValue(Json($"\"{reason}\"")))], true),
        ],
        [new ToolDemonstration("tau-retail/train/3", "Cancel order #W7654321, I no longer need it.", [])]);
}
