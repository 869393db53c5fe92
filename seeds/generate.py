#!/usr/bin/env python3
"""Writes seeds/ledger-2008.csv: a year of ledger entries for the seed bureau's offices.

The consolidated year reproduces the figures of the source document (see README.md here):
36 notice boards in service, 216 staff badges active, 14 whereabouts signs in service,
service guides received "nearly 10,000" (9,000-9,999) and service cards distributed
"7,000 and more" (7,001-7,999). Everything else (dates, tags, names, channels, the
retirements, lost badges, stocktake corrections and voided mistakes) is invented to make
a realistic year. Deterministic: rerunning gives the same file.
"""
import csv
import datetime
import random
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
rng = random.Random(20081109)
bureau = tomllib.loads((HERE / "bureau.toml").read_text(encoding="utf-8"))
offices = bureau["office"]

BOARDS = [5, 5, 4, 4, 4, 5, 4, 5]      # 36 in service at year end
SIGNS = [2, 2, 2, 2, 2, 2, 1, 1]       # 14
BADGES = [30, 28, 27, 26, 27, 28, 25, 25]  # 216 active
GUIDES_RECEIVED = [1300, 1200, 1200, 1100, 1200, 1300, 1100, 1200]  # 9,600
CARDS_DISTRIBUTED = [980, 950, 900, 860, 920, 1000, 880, 890]        # 7,380

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薛伏岑习胥保和蔺水云昌凤酆常皮康元平萧湛禹无贝茅麻危骆支咎经裘缑幸秘揭"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣佳雪梅琳晶颖倩婷慧莉兰"
BOARD_PLACES = ["大厅东墙", "大厅西墙", "办事窗口旁", "门厅入口", "二楼走廊", "会议室门口", "院内宣传廊", "市场管理办公室外"]
SIGN_PLACES = ["一楼办公室门口", "二楼办公室门口", "局长室门口", "窗口服务区"]
CHANNELS = ["办事窗口", "农贸市场宣传", "企业走访", "个私协会会议", "3·15宣传日", "消费维权进社区", "年检现场", "法制宣传日"]
REASONS = ["更换为统一标准公示栏", "损坏", "位置调整"]


def name():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def day(month, lo=1, hi=28):
    return datetime.date(2008, month, rng.randint(lo, hi))


def office_rows(index, office):
    rows = []   # (date, fields) in the order the clerk records them
    add = lambda date, **f: rows.append((date, f))
    prefix = office["id"][:2].upper()
    # Notice boards: the old, non-standard boards were recorded in January and replaced by
    # boards to the uniform standard in the spring (the document: 全部按统一标准重新予以更换).
    old = rng.randint(2, 4)
    for n in range(old):
        add(day(1, 2, 10), material="board", action="install", item=f"{prefix}-J{n + 1:02d}",
            location=BOARD_PLACES[n], standard="no")
    for n in range(old):
        add(day(4, 1, 15), material="board", action="retire", item=f"{prefix}-J{n + 1:02d}", reason=REASONS[0])
    for n in range(BOARDS[index]):
        add(day(rng.choice([4, 5])), material="board", action="install", item=f"{prefix}-GS{n + 1:02d}",
            location=BOARD_PLACES[n % len(BOARD_PLACES)], standard="yes")
    # Whereabouts signs.
    for n in range(SIGNS[index]):
        add(day(rng.choice([3, 6])), material="sign", action="install", item=f"{prefix}-QX{n + 1:02d}",
            location=SIGN_PLACES[n % len(SIGN_PLACES)])
    # Badges: everyone gets one in March; a few are lost and re-issued, one or two staff leave.
    staff = [name() for _ in range(BADGES[index])]
    number = 0
    for person in staff:
        number += 1
        add(day(3), material="badge", action="issue", item=f"{prefix}{number:03d}", staff=person)
    for lost in rng.sample(range(len(staff)), rng.randint(1, 3)):
        add(day(rng.randint(6, 10)), material="badge", action="revoke", item=f"{prefix}{lost + 1:03d}", reason="lost")
        number += 1
        add(day(11, 1, 20), material="badge", action="issue", item=f"{prefix}{number:03d}", staff=staff[lost])
    leaver, newcomer = name(), name()
    number += 1
    add(day(5), material="badge", action="issue", item=f"{prefix}{number:03d}", staff=leaver)
    add(day(9), material="badge", action="revoke", item=f"{prefix}{number:03d}", reason="departed")
    # Service guides: two print runs; handed out across the year; a stocktake correction.
    first = GUIDES_RECEIVED[index] // 2 + 100
    add(day(2, 20, 28), material="guide", action="receive", quantity=first, batch="第一批")
    add(day(7, 1, 10), material="guide", action="receive", quantity=GUIDES_RECEIVED[index] - first, batch="第二批")
    on_hand = first
    for month in range(3, 13):
        if month == 7:
            on_hand += GUIDES_RECEIVED[index] - first
        handed = min(on_hand - 20, rng.randint(60, 140))
        add(day(month), material="guide", action="distribute", quantity=handed, channel=rng.choice(CHANNELS))
        on_hand -= handed
    add(datetime.date(2008, 12, 28), material="guide", action="adjust", quantity=-rng.randint(1, 6), reason="年终盘点短少")
    # Service cards: received in three deliveries; distributed to reach the office's figure,
    # with one mistyped distribution voided and recorded again.
    cards = CARDS_DISTRIBUTED[index]
    deliveries = [cards // 3 + 200, cards // 3 + 100, cards - 2 * (cards // 3) + 60]
    for month, quantity in zip([3, 6, 9], deliveries):
        add(day(month, 1, 5), material="card", action="receive", quantity=quantity, batch=f"2008-{month:02d}")
    remaining, months = cards, list(range(3, 13))
    for i, month in enumerate(months):
        part = remaining if i == len(months) - 1 else min(remaining, cards // len(months) + rng.randint(-15, 15))
        if month == 5:
            # The clerk typed the figure twice over, voided it the same day and recorded it again.
            add(datetime.date(2008, 5, 12), material="card", action="distribute", quantity=part * 2,
                channel="办事窗口", mistake=True)
            add(datetime.date(2008, 5, 12), material="void", action="void", voids_last=True, reason="数量录入错误")
            add(datetime.date(2008, 5, 12), material="card", action="distribute", quantity=part, channel="办事窗口")
        else:
            add(day(month, 6, 28), material="card", action="distribute", quantity=part, channel=rng.choice(CHANNELS))
        remaining -= part
    return rows


def main():
    header = ["office", "date", "material", "action", "item", "quantity", "location", "staff",
              "channel", "reason", "batch", "standard", "voids"]
    lines = []
    for index, office in enumerate(offices):
        rows = office_rows(index, office)
        # A stable sort by date keeps same-day entries in the order they were recorded.
        rows.sort(key=lambda r: r[0])
        seq = 0
        last_by_key = {}
        for date, f in rows:
            seq += 1
            voids = ""
            if f.get("voids_last"):
                voids = str(last_by_key["mistake"])
            if f.get("mistake"):
                last_by_key["mistake"] = seq
            material = f["material"]
            if material == "void":
                material = ""
            lines.append([office["id"], date.isoformat(), material, f["action"], f.get("item", ""),
                          f.get("quantity", ""), f.get("location", ""), f.get("staff", ""), f.get("channel", ""),
                          f.get("reason", ""), f.get("batch", ""), f.get("standard", ""), voids])
    with open(HERE / "ledger-2008.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(lines)


if __name__ == "__main__":
    main()
