using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>The retail domain's tools, each behaving as the reference's: same checks in the same order, same messages, same changes.</summary>
internal static class RetailTools
{
    /// <summary>Every tool by name.</summary>
    public static IReadOnlyDictionary<string, Func<TauDatabase, TauArguments, string>> All { get; } =
        new Dictionary<string, Func<TauDatabase, TauArguments, string>>
        {
            ["calculate"] = (_, a) => PythonCalculator.Evaluate(a.Text("expression") ?? ""),
            ["cancel_pending_order"] = CancelPendingOrder,
            ["exchange_delivered_order_items"] = ExchangeDeliveredOrderItems,
            ["find_user_id_by_email"] = FindUserIdByEmail,
            ["find_user_id_by_name_zip"] = FindUserIdByNameZip,
            ["get_order_details"] = (db, a) => Details(db["orders"], a.Text("order_id"), "order"),
            ["get_product_details"] = (db, a) => Details(db["products"], a.Text("product_id"), "product"),
            ["get_user_details"] = (db, a) => Details(db["users"], a.Text("user_id"), "user"),
            ["list_all_product_types"] = ListAllProductTypes,
            ["modify_pending_order_address"] = ModifyPendingOrderAddress,
            ["modify_pending_order_items"] = ModifyPendingOrderItems,
            ["modify_pending_order_payment"] = ModifyPendingOrderPayment,
            ["modify_user_address"] = ModifyUserAddress,
            ["return_delivered_order_items"] = ReturnDeliveredOrderItems,
            ["think"] = (_, _) => "",
            ["transfer_to_human_agents"] = (_, _) => "Transfer successful",
        };

    private static string Details(TauTable table, string? id, string what) =>
        table.Get(id) is JsonObject record ? PythonJson.Dumps(record) : $"Error: {what} not found";

    private static string FindUserIdByEmail(TauDatabase db, TauArguments a)
    {
        string email = (a.Text("email") ?? "").ToLowerInvariant();
        TauTable users = db["users"];
        foreach (string id in users.Ids)
            if ((users.Get(id).Str("email") ?? "").ToLowerInvariant() == email)
                return id;
        return "Error: user not found";
    }

    private static string FindUserIdByNameZip(TauDatabase db, TauArguments a)
    {
        string first = (a.Text("first_name") ?? "").ToLowerInvariant();
        string last = (a.Text("last_name") ?? "").ToLowerInvariant();
        string? zip = a.Text("zip");
        TauTable users = db["users"];
        foreach (string id in users.Ids)
        {
            JsonObject user = users.Get(id)!;
            JsonObject name = user.Obj("name");
            if ((name.Str("first_name") ?? "").ToLowerInvariant() == first
                && (name.Str("last_name") ?? "").ToLowerInvariant() == last
                && user.Obj("address").Str("zip") == zip)
                return id;
        }
        return "Error: user not found";
    }

    private static string ListAllProductTypes(TauDatabase db, TauArguments a)
    {
        // A dict built in table order: a repeated name keeps its first position and its last id; then sorted by name.
        var byName = new Dictionary<string, JsonNode?>();
        TauTable products = db["products"];
        foreach (string id in products.Ids)
        {
            JsonObject product = products.Get(id)!;
            byName[product.Str("name") ?? ""] = product.At("product_id")?.DeepClone();
        }
        var result = new JsonObject();
        foreach (var (name, productId) in byName.OrderBy(p => p.Key, CodePointComparer.Instance))
            result[name] = productId;
        return PythonJson.Dumps(result);
    }

    private static JsonObject Address(TauArguments a) => TauJson.Object(
        ("address1", a.Values["address1"]?.DeepClone()),
        ("address2", a.Values["address2"]?.DeepClone()),
        ("city", a.Values["city"]?.DeepClone()),
        ("state", a.Values["state"]?.DeepClone()),
        ("country", a.Values["country"]?.DeepClone()),
        ("zip", a.Values["zip"]?.DeepClone()));

    private static string ModifyUserAddress(TauDatabase db, TauArguments a)
    {
        string? userId = a.Text("user_id");
        if (!db["users"].Contains(userId))
            return "Error: user not found";
        JsonObject user = db["users"].Edit(userId!);
        user["address"] = Address(a);
        return PythonJson.Dumps(user);
    }

    private static string ModifyPendingOrderAddress(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "pending")
            return "Error: non-pending order cannot be modified";
        order = db["orders"].Edit(orderId!);
        order["address"] = Address(a);
        return PythonJson.Dumps(order);
    }

    private static string CancelPendingOrder(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "pending")
            return "Error: non-pending order cannot be cancelled";
        string? reason = a.Text("reason");
        if (reason is not ("no longer needed" or "ordered by mistake"))
            return "Error: invalid reason";

        order = db["orders"].Edit(orderId!);
        var refunds = new List<JsonObject>();
        foreach (JsonNode? payment in order.Arr("payment_history"))
        {
            string paymentId = payment.Str("payment_method_id") ?? "";
            refunds.Add(TauJson.Object(
                ("transaction_type", "refund"),
                ("amount", payment.At("amount")?.DeepClone()),
                ("payment_method_id", payment.At("payment_method_id")?.DeepClone())));
            if (paymentId.Contains("gift_card", StringComparison.Ordinal))
            {
                JsonObject method = db["users"].Edit(order.Str("user_id")!).Obj("payment_methods").Obj(paymentId);
                method["balance"] = (method.Num("balance") + payment.Num("amount")).Round(2).ToNode();
            }
        }
        order["status"] = "cancelled";
        order["cancel_reason"] = reason;
        JsonArray history = order.Arr("payment_history");
        foreach (JsonObject refund in refunds)
            history.Add(refund);
        return PythonJson.Dumps(order);
    }

    private static string? MissingItem(JsonObject order, List<string> itemIds)
    {
        var all = order.Arr("items").Select(i => i.Str("item_id")).ToList();
        foreach (string id in itemIds)
            if (itemIds.Count(x => x == id) > all.Count(x => x == id))
                return id;
        return null;
    }

    private static JsonObject ItemOf(JsonObject order, string itemId) =>
        (JsonObject)order.Arr("items").First(i => i.Str("item_id") == itemId)!;

    /// <summary>The price difference of swapping items, or the reference's error for an unavailable new item.</summary>
    private static (PythonNumber Diff, string? Error) PriceDifference(TauDatabase db, JsonObject order, List<string> itemIds, List<string> newItemIds)
    {
        PythonNumber diff = PythonNumber.FromInt(0);
        for (int i = 0; i < itemIds.Count; i++)
        {
            JsonObject item = ItemOf(order, itemIds[i]);
            JsonObject variants = db["products"].Get(item.Str("product_id"))?.Obj("variants") ?? throw new TauToolException($"'{item.Str("product_id")}'");
            if (variants[newItemIds[i]] is not JsonObject variant || !variant.Truthy("available"))
                return (diff, $"Error: new item {newItemIds[i]} not found or available");
            diff += variant.Num("price") - item.Num("price");
        }
        return (diff, null);
    }

    private static string ExchangeDeliveredOrderItems(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "delivered")
            return "Error: non-delivered order cannot be exchanged";
        List<string> itemIds = a.Texts("item_ids"), newItemIds = a.Texts("new_item_ids");
        if (MissingItem(order, itemIds) is string missing)
            return $"Error: {missing} not found";
        if (itemIds.Count != newItemIds.Count)
            return "Error: the number of items to be exchanged should match";
        var (diff, error) = PriceDifference(db, order, itemIds, newItemIds);
        if (error is not null)
            return error;
        diff = diff.Round(2);

        string? paymentId = a.Text("payment_method_id");
        JsonObject methods = db["users"].Get(order.Str("user_id")).Obj("payment_methods");
        if (paymentId is null || methods[paymentId] is not JsonObject method)
            return "Error: payment method not found";
        if (method.Str("source") == "gift_card" && method.Num("balance").Value < diff.Value)
            return "Error: insufficient gift card balance to pay for the price difference";

        order = db["orders"].Edit(orderId!);
        order["status"] = "exchange requested";
        order["exchange_items"] = SortedList(itemIds);
        order["exchange_new_items"] = SortedList(newItemIds);
        order["exchange_payment_method_id"] = paymentId;
        order["exchange_price_difference"] = diff.ToNode();
        return PythonJson.Dumps(order);
    }

    private static JsonArray SortedList(List<string> ids) =>
        [.. ids.OrderBy(x => x, CodePointComparer.Instance).Select(x => (JsonNode?)JsonValue.Create(x))];

    private static string ModifyPendingOrderItems(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "pending")
            return "Error: non-pending order cannot be modified";
        List<string> itemIds = a.Texts("item_ids"), newItemIds = a.Texts("new_item_ids");
        if (MissingItem(order, itemIds) is string missing)
            return $"Error: {missing} not found";
        if (itemIds.Count != newItemIds.Count)
            return "Error: the number of items to be exchanged should match";
        var (diff, error) = PriceDifference(db, order, itemIds, newItemIds);
        if (error is not null)
            return error;

        string? paymentId = a.Text("payment_method_id");
        string userId = order.Str("user_id")!;
        if (paymentId is null || db["users"].Get(userId).Obj("payment_methods")[paymentId] is not JsonObject method)
            return "Error: payment method not found";
        if (method.Str("source") == "gift_card" && method.Num("balance").Value < diff.Value)
            return "Error: insufficient gift card balance to pay for the new item";

        order = db["orders"].Edit(orderId!);
        order.Arr("payment_history").Add(TauJson.Object(
            ("transaction_type", diff.Value > 0 ? "payment" : "refund"),
            ("amount", diff.Abs().ToNode()),
            ("payment_method_id", paymentId)));
        if (method.Str("source") == "gift_card")
        {
            method = db["users"].Edit(userId).Obj("payment_methods").Obj(paymentId);
            method["balance"] = (method.Num("balance") - diff).Round(2).ToNode();
        }
        for (int i = 0; i < itemIds.Count; i++)
        {
            JsonObject item = ItemOf(order, itemIds[i]);
            JsonObject variant = db["products"].Get(item.Str("product_id")).Obj("variants").Obj(newItemIds[i]);
            item["item_id"] = newItemIds[i];
            item["price"] = variant.At("price")?.DeepClone();
            item["options"] = variant.At("options")?.DeepClone();
        }
        order["status"] = "pending (item modified)";
        return PythonJson.Dumps(order);
    }

    private static string ModifyPendingOrderPayment(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "pending")
            return "Error: non-pending order cannot be modified";
        string? paymentId = a.Text("payment_method_id");
        string userId = order.Str("user_id")!;
        if (paymentId is null || db["users"].Get(userId).Obj("payment_methods")[paymentId] is not JsonObject method)
            return "Error: payment method not found";
        JsonArray history = order.Arr("payment_history");
        if (history.Count > 1 || history[0].Str("transaction_type") != "payment")
            return "Error: there should be exactly one payment for a pending order";
        string? oldPaymentId = history[0].Str("payment_method_id");
        if (oldPaymentId == paymentId)
            return "Error: the new payment method should be different from the current one";
        PythonNumber amount = history[0].Num("amount");
        if (method.Str("source") == "gift_card" && method.Num("balance").Value < amount.Value)
            return "Error: insufficient gift card balance to pay for the order";

        order = db["orders"].Edit(orderId!);
        history = order.Arr("payment_history");
        history.Add(TauJson.Object(("transaction_type", "payment"), ("amount", amount.ToNode()), ("payment_method_id", paymentId)));
        history.Add(TauJson.Object(("transaction_type", "refund"), ("amount", amount.ToNode()), ("payment_method_id", history[0].At("payment_method_id")?.DeepClone())));
        JsonObject methods = db["users"].Get(userId).Obj("payment_methods");
        if (method.Str("source") == "gift_card")
        {
            methods = db["users"].Edit(userId).Obj("payment_methods");
            JsonObject paying = methods.Obj(paymentId);
            paying["balance"] = (paying.Num("balance") - amount).Round(2).ToNode();
        }
        if ((oldPaymentId ?? "").Contains("gift_card", StringComparison.Ordinal))
        {
            methods = db["users"].Edit(userId).Obj("payment_methods");
            JsonObject refunded = methods.Obj(oldPaymentId!);
            refunded["balance"] = (refunded.Num("balance") + amount).Round(2).ToNode();
        }
        return PythonJson.Dumps(order);
    }

    private static string ReturnDeliveredOrderItems(TauDatabase db, TauArguments a)
    {
        string? orderId = a.Text("order_id");
        if (db["orders"].Get(orderId) is not JsonObject order)
            return "Error: order not found";
        if (order.Str("status") != "delivered")
            return "Error: non-delivered order cannot be returned";
        string? paymentId = a.Text("payment_method_id");
        if (paymentId is null || db["users"].Get(order.Str("user_id")).Obj("payment_methods")[paymentId] is null)
            return "Error: payment method not found";
        if (!paymentId.Contains("gift_card", StringComparison.Ordinal) && paymentId != order.Arr("payment_history")[0].Str("payment_method_id"))
            return "Error: payment method should be either the original payment method or a gift card";
        List<string> itemIds = a.Texts("item_ids");
        if (MissingItem(order, itemIds) is not null)
            return "Error: some item not found";

        order = db["orders"].Edit(orderId!);
        order["status"] = "return requested";
        order["return_items"] = SortedList(itemIds);
        order["return_payment_method_id"] = paymentId;
        return PythonJson.Dumps(order);
    }
}
