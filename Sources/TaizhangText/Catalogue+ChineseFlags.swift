extension Catalogue {
    /// Branch "flags": the hub's flags as the operator reads them, and as the office hears of them.
    static let chineseFlags: [Message: String] = [
        .flagSaysRule: "第 {0} 条记录（{1}{2}）已保存，但未计入合计：{3}",
        .flagSaysEntryConflict: "第 {0} 条记录到达时内容为 {1}…，与已保存的 {2}… 不同；区局保留了原记录——基层所的台账重复使用了序号（是否从备份恢复？）",
        .flagSaysChainDiffers: "基层所的台账在第 {0} 条或更早处与区局的副本不一致（链值不符）；未覆盖任何内容——基层所的台账可能是从较旧的备份恢复的",
        .flagSaysOtherIncarnation: "另一份台账（标识 {0}）以本单位名义报送，但区局已保存来自台账 {2} 的 {1} 条记录；它的记录未被接收",
        .flagSaysRestored: "台账是从较旧的备份恢复的：区局已保存 {0} 条记录，基层所的台账只有 {1} 条",
        .flagSaysMisenrolled: "一个设置为单位「{0}」的基层所用登记在本单位名下的密钥报送，未保存任何记录——请把该所的密钥登记到「{0}」，并为本单位登记它自己基层所的密钥",
        .statusHubFlagsHeadline: "区局标记了本所的 {0} 条记录（截至 {1}），这些记录不计入区局的合计：",
        .statusHubFlagsHeadlineOne: "区局标记了本所的 1 条记录（截至 {1}），该记录不计入区局的合计：",
        .statusHubFlagEntry: "第 {0} 条 {1}，日期 {2}：{3}",
        .statusHubFlagEntryUnknown: "第 {0} 条：{1}",
        .statusHubFlagsMore: "……另有 {0} 条；区局管理员能看到全部。",
        .statusHubFlagsOthers: "区局另有 {0} 个标记与本所有关，但不涉及某一条记录：请联系区局管理员。",
        .hubFlagWhyOther: "区局发现它违反规则——请联系区局管理员。",
        .hubFlagWhyDate: "日期晚于本局的今天——请作废它（taizhang-agent void --seq {0}），再用正确的日期重新登记。",
        .hubFlagWhyStock: "它使当天或以后的库存低于零——请作废它（taizhang-agent void --seq {0}）并正确重录，或联系区局管理员。",
        .hubFlagWhyItem: "该编号在那一天不是这个状态——请作废它（taizhang-agent void --seq {0}）并正确重录，或联系区局管理员。",
        .hubFlagWhyVoid: "它作废了一条不能作废的记录——请联系区局管理员。",
        .hubFlagWhyDetails: "它的内容不符合记录规则——请作废它（taizhang-agent void --seq {0}）并正确重录。",
        .hubFlagWhyConflict: "区局在这个序号下保存的是另一条记录——请联系区局管理员。",
        .syncHubFlags: "区局标记了本所的 {0} 条记录，未计入合计：见 'taizhang-agent status'。",
        .syncHubFlagsOne: "区局标记了本所的 1 条记录，未计入合计：见 'taizhang-agent status'。",
    ]
}
