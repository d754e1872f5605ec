"""The demo's demands from a provincial message board: sixteen months of them, in its three
channels, imported each week and claimed, responded to and solved by the units, so that the
statistics page has a year-on-year comparison to show. Dated relative to the day it is built.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.follow_ups import suggested_due_dates
from outreach_app.core.model import Satisfaction, User
from outreach_app.core.statistics import Month
from outreach_app.storage.repository import Repository

MONTHS = 16  # this month and the fifteen before it: last year's same month is there
# The board's columns: People's Voices, Ask Politics, Consumer Rights.
PEOPLES_VOICES, ASK_POLITICS, CONSUMER_RIGHTS = "百姓呼声", "问政", "消费维权"
CHANNEL_WEIGHTS = ((PEOPLES_VOICES, 45), (ASK_POLITICS, 35), (CONSUMER_RIGHTS, 20))
SOLVE_WITHIN_DAYS = 20  # the board's rule for a demand's answer

# (text, category) residents write in each channel.
TEXTS: dict[str, list[tuple[str, str]]] = {
    PEOPLES_VOICES: [
        ("小区路灯坏了好几天没人修，晚上出门看不清路", "基础设施"),
        ("冬季供暖温度不达标，家里室温只有 15 度", "民生保障"),
        ("村道坑洼积水，下雨天孩子上学很困难", "基础设施"),
        ("老旧小区楼道堆满杂物，担心有消防隐患", "安全生产"),
        ("自来水发黄有异味，希望尽快检测水质", "生态环境"),
        ("工地夜间施工噪音太大，影响休息", "生态环境"),
        ("卫生服务站药品种类少，慢性病老人配药难", "医疗卫生"),
        ("公交线路调整后老人去医院要换乘两次", "基础设施"),
        ("小区电梯经常停运，高层老人上下楼困难", "安全生产"),
    ],
    ASK_POLITICS: [
        ("灵活就业人员社保缴费补贴怎么申请？", "就业社保"),
        ("易地搬迁户后续产业扶持政策什么时候落实？", "民生保障"),
        ("孩子明年上幼儿园，报名政策是什么？", "教育"),
        ("农村危房改造补助标准是多少？", "民生保障"),
        ("高校毕业生返乡创业贷款贴息怎样申请？", "就业社保"),
        ("城乡居民医保异地就医备案需要哪些材料？", "医疗卫生"),
        ("村里的光伏补贴为什么还没有发放？", "其他"),
    ],
    CONSUMER_RIGHTS: [
        ("健身房突然关门，预付卡里 2000 多元退不了", "其他"),
        ("网购的电暖器坏了，商家拒绝退换", "其他"),
        ("燃气公司上门安检收取服务费是否合理？", "民生保障"),
        ("培训机构停课后不退学费", "教育"),
        ("快递丢件，平台和快递公司互相推诿", "其他"),
        ("超市出售过期牛奶，投诉后没有回复", "医疗卫生"),
    ],
}
# The county or district of each demo site (in the order of demo.SITES), as residents write it.
AREAS = ("安定区", "朝阳区", "拜城县", "昭觉县", "余杭区", "道里区")
DEPARTMENTS = {
    "基础设施": "住建局",
    "民生保障": "民政局",
    "就业社保": "人社局",
    "医疗卫生": "卫健局",
    "教育": "教育局",
    "生态环境": "生态环境分局",
    "安全生产": "应急管理局",
    "其他": "市场监管局",
}
CLAIMERS = ("张磊", "王芳", "刘洋", "陈晓燕", "马军", "赵丽", "孙伟", "周敏")
RESPONSES = (
    "已安排工作人员现场核实情况",
    "已电话联系留言群众，正在协调相关单位",
    "已约谈相关企业，督促限期整改",
    "已将政策文件和办理流程发送给群众",
)
RESOLUTIONS = (
    "问题已整改完毕，回访群众表示认可",
    "已按政策办理完成，群众已收到",
    "经协调，商家已退还全部费用",
    "已完成维修，并建立定期巡查机制",
)
SATISFACTIONS = (
    Satisfaction.SATISFIED,
    Satisfaction.SATISFIED,
    Satisfaction.BASICALLY_SATISFIED,
    Satisfaction.UNSATISFIED,
)

Event = tuple[datetime, Callable[[], object]]


def build_demo_demands(
    repo: Repository,
    set_time: Callable[[datetime], None],
    site_ids: list[int],
    site_names: list[str],
    today: date,
    staff: User,
) -> None:
    """Import, claim, respond to and solve the demo's demands, in the order it happened, in
    one transaction (the demo starts faster)."""
    rng = random.Random(20251123)
    now = datetime.combine(today, time(7, 30))
    first = Month.of(today).shifted(1 - MONTHS)
    batches: dict[datetime, list[DemandRow]] = {}
    for index in range(MONTHS):
        month = first.shifted(index)
        # Residents use the board a little more each month, more in winter.
        count = 4 + round(index * 0.45) + rng.randint(0, 3) + (2 if month.month in (12, 1) else 0)
        for number in range(count):
            day = month.first_day + timedelta(days=rng.randrange(month.last_day.day))
            if day > today:
                continue
            channel = rng.choices([c for c, _ in CHANNEL_WEIGHTS], [w for _, w in CHANNEL_WEIGHTS])[
                0
            ]
            text, category = rng.choice(TEXTS[channel])
            site = rng.randrange(len(site_ids))
            area = site_names[site] if rng.random() < 0.4 else AREAS[site % len(AREAS)]
            row = DemandRow(
                line=number + 2,
                received_on=day,
                area=area,
                site_id=site_ids[site],
                site_name=site_names[site],
                channel=channel,
                # Residents write about their own place: the same wording never repeats.
                text=f"{text}（{area}，{day.month}月{day.day}日留言）",
                category=category,
            )
            # The board's export is imported every Monday morning (today at the latest).
            monday = day + timedelta(days=7 - day.weekday())
            imported = min(datetime.combine(monday, time(9)), now)
            batches.setdefault(imported, []).append(row)

    events: list[Event] = []
    previous = repo.actor
    repo.actor = staff
    try:
        with repo.db.atomic():
            for imported, rows in sorted(batches.items()):
                set_time(imported)
                source = f"留言板导出-{imported:%Y%m%d}.csv"
                summary = repo.follow_ups.import_demands(rows, source)
                for follow_up_id, row in zip(summary.follow_up_ids, rows, strict=True):
                    events.extend(_history(repo, rng, follow_up_id, row, imported, now, site_ids))
            for at, act in sorted(events, key=lambda event: event[0]):
                set_time(at)
                act()
    finally:
        repo.actor = previous


def _history(
    repo: Repository,
    rng: random.Random,
    follow_up_id: int,
    row: DemandRow,
    imported: datetime,
    now: datetime,
    site_ids: list[int],
) -> list[Event]:
    """Due dates at import, then the steps the unit took, as far as they happened by now."""
    due = row.received_on + timedelta(days=SOLVE_WITHIN_DAYS)
    claim_due, respond_due = suggested_due_dates(row.received_on, due)
    events: list[Event] = [
        (
            imported + timedelta(minutes=1),
            partial(
                repo.follow_ups.set_follow_up_due_dates,
                follow_up_id,
                claim_due=claim_due,
                respond_due=respond_due,
                due=due,
            ),
        )
    ]
    if rng.random() > 0.95 and now - imported < timedelta(days=40):
        return events  # nobody has taken it yet (older ones were all taken up in the end)
    area = AREAS[site_ids.index(row.site_id) % len(AREAS)]
    unit = f"{area}{DEPARTMENTS.get(row.category, '市场监管局')}"
    claimed = imported + timedelta(hours=rng.randint(2, 50))
    if claimed >= now:
        return events
    events.append(
        (
            claimed,
            partial(repo.follow_ups.claim_follow_up, follow_up_id, rng.choice(CLAIMERS), unit),
        )
    )
    at = claimed
    if rng.random() < 0.85:
        at = claimed + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5))
        if at >= now:
            return events
        events.append(
            (at, partial(repo.follow_ups.respond_to_follow_up, follow_up_id, rng.choice(RESPONSES)))
        )
    if rng.random() < 0.85:
        at = at + timedelta(days=rng.randint(2, 18), hours=rng.randint(0, 5))
        if at >= now:
            return events
        events.append(
            (
                at,
                partial(
                    repo.follow_ups.solve_follow_up,
                    follow_up_id,
                    rng.choice(RESOLUTIONS),
                    rng.choice(SATISFACTIONS),
                ),
            )
        )
    return events
