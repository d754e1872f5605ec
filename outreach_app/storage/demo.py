"""A demo database with realistic content, dated relative to the day it is built.

Six sites, a year of past sessions with questions, answers, follow-ups and reviews, and a session
scheduled for today, so that every screen has something true to show.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

from outreach_app.core.follow_ups import FollowUpAction, suggested_due_dates
from outreach_app.core.model import (
    AgendaItemKind,
    Contact,
    ReviewState,
    Role,
    Satisfaction,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.demo_demands import build_demo_demands
from outreach_app.storage.repository import Repository, StoreError

DEMO_MARKER = "demo_built_on"

STAFF = User("李敏", Role.STAFF)
OFFICIAL = User("王建国", Role.OFFICIAL)
REVIEWER = User("陈静", Role.REVIEWER)


class DemoRefusedError(StoreError):
    pass


SITES = [
    Site(
        name="红旗村村委会",
        region="甘肃省定西市安定区",
        address="安定区凤翔镇红旗村一组",
        contacts=[
            Contact("张德明", "13909321234", "村党支部书记"),
            Contact("马秀兰", "13893245678", "村委会主任"),
        ],
        connection_notes="村委会二楼会议室，4G 路由器，信号一般；备用手机热点。",
        tags=["乡村振兴", "马铃薯产业"],
    ),
    Site(
        name="望京街道社区服务中心",
        region="北京市朝阳区",
        address="望京街道阜通东大街 6 号",
        contacts=[Contact("刘洋", "010-64701234", "社区党委书记")],
        connection_notes="光纤专线，会议室有摄像头和扬声器。",
        tags=["城市社区", "老旧小区改造"],
    ),
    Site(
        name="克拉2气田中控室",
        region="新疆阿克苏地区拜城县",
        address="塔里木油田克拉作业区",
        contacts=[
            Contact("艾力·买买提", "13999712345", "中控室值班长"),
            Contact("周强", "13565478901", "作业区经理"),
        ],
        connection_notes="卫星链路，延迟约 600 毫秒；值班期间只能离开岗位 10 分钟。",
        tags=["能源保供", "安全生产"],
    ),
    Site(
        name="阿土勒尔村党群服务中心",
        region="四川省凉山彝族自治州昭觉县",
        address="支尔莫乡阿土勒尔村",
        contacts=[Contact("某色拉博", "15283412345", "驻村第一书记")],
        connection_notes="山区信号弱，建议提前一小时测试；村民多讲彝语，配翻译。",
        tags=["乡村振兴", "易地搬迁"],
    ),
    Site(
        name="良渚街道便民服务中心",
        region="浙江省杭州市余杭区",
        address="良渚街道古墩路 1 号",
        contacts=[Contact("沈佳", "0571-88761234", "服务中心主任")],
        connection_notes=(
            "Stable fibre link; the centre has an English-speaking liaison for foreign residents."
        ),
        tags=["数字化改革", "外籍人士服务"],
    ),
    Site(
        name="新阳路社区卫生服务站",
        region="黑龙江省哈尔滨市道里区",
        address="新阳路 128 号",
        contacts=[Contact("孙丽华", "13845012345", "站长")],
        connection_notes="冬季停电风险，配有 UPS；会议用笔记本电脑。",
        tags=["医疗卫生", "冬季供暖"],
    ),
]

# (site index, question, category, answer, speaker, commitment or None)
Exchange = tuple[int, str, str, str, str, tuple[str, str, int] | None]

PAST_SESSIONS: list[tuple[int, str, SessionKind, list[Exchange]]] = [
    (
        380,
        "秋收秋种视频调研",
        SessionKind.INVESTIGATION,
        [
            (
                0,
                "今年马铃薯收成怎么样？销路有没有问题？",
                "民生保障",
                "亩产比去年多了三百斤，但收购价偏低，部分农户担心卖不出去。",
                "张德明",
                ("协调县供销社与电商平台对接马铃薯销售", "安定区农业农村局", 30),
            ),
            (
                3,
                "搬迁户的孩子上学路上安全吗？",
                "教育",
                "新校区离安置点两公里，有校车，但雨季山路有落石。",
                "某色拉博",
                ("排查上学路段落石隐患并设置警示标志", "昭觉县交通运输局", 20),
            ),
            (
                4,
                "How are foreign residents getting on with the new online services?",
                "民生保障",
                "Most use the English interface now; residence permit renewals still need a visit.",
                "沈佳",
                None,
            ),
        ],
    ),
    (
        330,
        "冬季供暖和安全生产专题连线",
        SessionKind.ON_SITE_WORK,
        [
            (
                5,
                "今年供暖达标了吗？老年人家里温度够不够？",
                "民生保障",
                "大部分小区达标，新阳路 3 栋室温只有 16 度，居民反映较多。",
                "孙丽华",
                ("督促供热企业排查新阳路 3 栋管网并回访居民", "道里区住建局", 7),
            ),
            (
                2,
                "冬季天然气保供压力大不大？设备防冻怎么做？",
                "安全生产",
                "日均外输比去年高 8%，关键阀门都加了伴热，每两小时巡检一次。",
                "艾力·买买提",
                ("为克拉作业区增配一台备用压缩机", "塔里木油田公司", 90),
            ),
            (
                1,
                "老旧小区加装电梯进展如何？",
                "基础设施",
                "已完成 12 部，还有 5 个单元因为低层住户意见不一致暂缓。",
                "刘洋",
                ("组织低层住户协商会，提出补偿方案", "望京街道办事处", 45),
            ),
        ],
    ),
    (
        250,
        "春节前走访慰问连线",
        SessionKind.POLICY_BRIEFING,
        [
            (
                2,
                "春节期间大家能轮流休息吗？",
                "就业社保",
                "排了三班倒，每人能休四天，家在外地的优先。",
                "周强",
                None,
            ),
            (
                0,
                "返乡务工人员的工资都结清了吗？",
                "就业社保",
                "还有两家工地拖欠 11 户的工资，共约 36 万元。",
                "马秀兰",
                ("督办两家工地年前结清拖欠工资", "安定区人社局", 10),
            ),
            (
                5,
                "春节期间医护力量够不够？",
                "医疗卫生",
                "站里 6 个人轮班，药品储备够用一个月。",
                "孙丽华",
                None,
            ),
        ],
    ),
    (
        120,
        "防汛备汛调研连线",
        SessionKind.INVESTIGATION,
        [
            (
                3,
                "雨季前地质灾害隐患点排查了吗？",
                "安全生产",
                "排查了 7 处，2 处需要工程治理，已经上报。",
                "某色拉博",
                ("落实 2 处地质灾害隐患点工程治理资金", "昭觉县自然资源局", 60),
            ),
            (
                4,
                "Is the flood warning system reaching residents who don't read Chinese?",
                "安全生产",
                "Alerts go out by SMS in Chinese only; we would like an English version.",
                "沈佳",
                ("在预警短信中增加英文版本", "余杭区应急管理局", 30),
            ),
        ],
    ),
    (
        45,
        "群众来信来访接待连线",
        SessionKind.LETTERS_AND_VISITS,
        [
            (
                1,
                "居民反映最多的问题是什么？",
                "基础设施",
                "停车难和快递柜不够，每月来访二十多件。",
                "刘洋",
                ("协调增设快递柜和夜间共享停车位", "朝阳区城管委", 30),
            ),
            (
                0,
                "村里的饮水工程还有什么问题？",
                "基础设施",
                "三组的水压不足，早晚用水高峰时供不上。",
                "张德明",
                ("更换三组供水管道增压泵", "安定区水务局", 21),
            ),
            (
                5,
                "家庭医生签约服务老人满意吗？",
                "医疗卫生",
                "满意度调查 92%，希望上门次数再多一些。",
                "孙丽华",
                None,
            ),
        ],
    ),
    (
        14,
        "安全生产和能源保供视频调度",
        SessionKind.ON_SITE_WORK,
        [
            (
                2,
                "入冬以来生产安全情况怎么样？",
                "安全生产",
                "没有发生事故，完成了两次应急演练，外输压力稳定。",
                "艾力·买买提",
                None,
            ),
            (
                4,
                "How many foreign residents used the 24-hour service line last month?",
                "民生保障",
                "About 140 calls, mostly about visas and medical insurance.",
                "沈佳",
                None,
            ),
            (
                3,
                "易地搬迁安置点冬季取暖有保障吗？",
                "民生保障",
                "电暖器已经发到每户，但电费负担重，希望有补贴。",
                "某色拉博",
                ("研究搬迁户冬季取暖电费补贴政策", "凉山州发展改革委", 40),
            ),
        ],
    ),
]


@dataclass(frozen=True)
class _Step:
    """A step in a commitment's history, `days` after its session (hours into that day)."""

    days: int
    action: FollowUpAction
    text: str
    satisfaction: Satisfaction | None = None
    hours: int = 10


CLAIM, RESPOND, SOLVE, REOPEN = (
    FollowUpAction.CLAIM,
    FollowUpAction.RESPOND,
    FollowUpAction.SOLVE,
    FollowUpAction.REOPEN,
)

# What became of each commitment: claimed by a named person of its unit, responded, solved with
# the site's judgement, or still waiting (several of them late), and one reopened because the
# site was not satisfied. A claim's text is the person; the unit is the commitment's owner.
HISTORIES: dict[str, list[_Step]] = {
    "协调县供销社与电商平台对接马铃薯销售": [
        _Step(1, CLAIM, "赵志刚"),
        _Step(9, RESPOND, "已联系三家电商平台，县供销社组织农户统一分拣包装。"),
        _Step(27, SOLVE, "已与两家电商平台签约，销售马铃薯 1200 吨。", Satisfaction.SATISFIED),
    ],
    "排查上学路段落石隐患并设置警示标志": [
        _Step(2, CLAIM, "吉克阿呷"),
        _Step(23, SOLVE, "完成 3 处防护网和 8 块警示牌。", Satisfaction.BASICALLY_SATISFIED, 16),
    ],
    "督促供热企业排查新阳路 3 栋管网并回访居民": [
        _Step(0, CLAIM, "王立新", hours=15),
        _Step(2, RESPOND, "已排查管网，发现 2 处阀门老化，更换配件已到货。"),
        _Step(5, SOLVE, "更换老化阀门，室温升至 20 度，居民满意。", Satisfaction.SATISFIED),
    ],
    "为克拉作业区增配一台备用压缩机": [
        _Step(3, CLAIM, "陈海峰"),
        _Step(30, RESPOND, "已列入年度设备采购计划，完成招标。"),
        _Step(84, SOLVE, "备用压缩机到货并完成安装调试。", Satisfaction.SATISFIED),
    ],
    "组织低层住户协商会，提出补偿方案": [
        _Step(2, CLAIM, "杨帆"),
        _Step(20, RESPOND, "召开两次协商会，补偿方案正在征求意见。"),
        _Step(44, SOLVE, "补偿方案已公示，5 个单元中 3 个达成一致。", Satisfaction.UNSATISFIED),
        _Step(60, REOPEN, "仍有 2 个单元未达成一致，居民多次来电反映。", hours=14),
        _Step(62, CLAIM, "杨帆"),
        _Step(120, RESPOND, "聘请第三方调解，又有 1 个单元达成一致，最后 1 个单元继续协商。"),
    ],
    "督办两家工地年前结清拖欠工资": [
        _Step(0, CLAIM, "刘建军", hours=16),
        _Step(4, RESPOND, "两家工地已支付七成，余款承诺节前付清。"),
        _Step(8, SOLVE, "11 户工资已于腊月二十五前全部结清。", Satisfaction.SATISFIED),
    ],
    "落实 2 处地质灾害隐患点工程治理资金": [
        _Step(5, CLAIM, "阿尔木呷"),
        _Step(30, RESPOND, "治理资金已申请，等待州财政批复。"),
    ],
    "在预警短信中增加英文版本": [
        _Step(1, CLAIM, "周敏"),
        _Step(14, RESPOND, "英文模板已起草，正与运营商联调。"),
        _Step(
            25,
            SOLVE,
            "预警短信已中英双语发送，覆盖外籍居民 1300 余人。",
            Satisfaction.SATISFIED,
        ),
    ],
    "协调增设快递柜和夜间共享停车位": [_Step(2, CLAIM, "孙浩")],
    "更换三组供水管道增压泵": [],
    "研究搬迁户冬季取暖电费补贴政策": [_Step(1, CLAIM, "沙马拉则")],
}

# Days after the session to claim and respond by, where the usual suggestion does not apply;
# a reopened item gets new dates (days after its session: claim, respond, solve).
DUE_OVERRIDES: dict[str, tuple[int, int]] = {"研究搬迁户冬季取暖电费补贴政策": (3, 21)}
REOPENED_DUES: dict[str, tuple[int, int, int]] = {
    "组织低层住户协商会，提出补偿方案": (63, 100, 360)
}


TODAY_PLAN: list[tuple[int, int, list[tuple[AgendaItemKind, str]], str]] = [
    (
        2,
        10,
        [
            (AgendaItemKind.TOPIC, "节日期间天然气保供"),
            (AgendaItemKind.QUESTION, "节日期间大家能轮流休息吗？"),
            (AgendaItemKind.QUESTION, "如何保障安全生产和天然气平稳供应？"),
        ],
        "克拉2气田日均外输天然气约 2000 万立方米，是西气东输的主力气源之一。",
    ),
    (
        0,
        8,
        [
            (AgendaItemKind.TOPIC, "饮水工程和冬季生活"),
            (AgendaItemKind.QUESTION, "三组的水压问题解决了吗？"),
            (AgendaItemKind.QUESTION, "今年冬天村里老人取暖有困难吗？"),
        ],
        "红旗村 312 户，留守老人 86 人。",
    ),
    (
        1,
        8,
        [
            (AgendaItemKind.QUESTION, "快递柜和夜间停车位落实得怎么样？"),
            (AgendaItemKind.QUESTION, "加装电梯的协商会开了吗？"),
        ],
        "望京街道外籍居民较多，社区有双语志愿者。",
    ),
    (
        3,
        8,
        [
            (AgendaItemKind.TOPIC, "易地搬迁后续扶持"),
            (AgendaItemKind.QUESTION, "搬迁户的就业情况怎么样？"),
            (AgendaItemKind.QUESTION, "取暖电费补贴落实了吗？"),
        ],
        "村民多讲彝语，现场有翻译。",
    ),
    (
        4,
        8,
        [
            (AgendaItemKind.QUESTION, "Did the English flood-warning messages go out?"),
            (AgendaItemKind.QUESTION, "数字化服务还有哪些堵点？"),
        ],
        "Liaison speaks English; keep questions short for interpretation.",
    ),
    (
        5,
        8,
        [
            (AgendaItemKind.QUESTION, "供暖季开始后居民还有投诉吗？"),
            (AgendaItemKind.QUESTION, "流感高发期药品和人手够不够？"),
        ],
        "冬季停电风险，服务站有 UPS。",
    ),
]


@dataclass
class _Clock:
    at: datetime

    def __call__(self) -> datetime:
        return self.at


@contextmanager
def _acting(repo: Repository, user: User) -> Iterator[None]:
    previous = repo.actor
    repo.actor = user
    try:
        yield
    finally:
        repo.actor = previous


def build_demo(repo: Repository, today: date | None = None) -> None:
    """Fill an empty database with the demo content, dated relative to `today`."""
    today = today or date.today()
    rng = random.Random(20261123)
    clock = _Clock(datetime.combine(today - timedelta(days=400), time(9)))
    original_clock: Callable[[], datetime] = repo.clock
    repo.clock = clock
    try:
        with _acting(repo, STAFF):
            site_ids = [repo.sites.save_site(site) for site in SITES]
        commitments: list[tuple[int, datetime, str, date | None]] = []
        for days_ago, title, kind, exchanges in PAST_SESSIONS:
            _build_past_session(
                repo, clock, site_ids, today, days_ago, title, kind, exchanges, rng, commitments
            )
        _follow_commitments_up(repo, clock, commitments)
        # Demands residents posted on the provincial message board (demo_demands.py).
        build_demo_demands(
            repo, partial(setattr, clock, "at"), site_ids, [s.name for s in SITES], today, STAFF
        )
        clock.at = datetime.combine(today, time(8, 30))
        _build_today(repo, site_ids, today)
        repo.meta.set_meta(DEMO_MARKER, today.isoformat())
    finally:
        repo.clock = original_clock


def _build_past_session(
    repo: Repository,
    clock: _Clock,
    site_ids: list[int],
    today: date,
    days_ago: int,
    title: str,
    kind: SessionKind,
    exchanges: list[Exchange],
    rng: random.Random,
    commitments: list[tuple[int, datetime, str, date | None]],
) -> None:
    start = datetime.combine(today - timedelta(days=days_ago), time(9, 30))
    involved = list(dict.fromkeys(e[0] for e in exchanges))
    clock.at = start - timedelta(days=5)
    with _acting(repo, STAFF):
        session_id = repo.sessions.save_session(
            Session(
                title=title,
                kind=kind,
                official=OFFICIAL.name,
                start=start,
                duration_minutes=15 * len(involved) + 10,
                status=SessionStatus.SCHEDULED,
                sites=[
                    SessionSite(site_ids[i], position, 15) for position, i in enumerate(involved)
                ],
            )
        )
    with _acting(repo, OFFICIAL):
        clock.at = start
        repo.sessions.set_session_status(session_id, SessionStatus.LIVE)
        offset = 60
        for site_index, question, category, answer, speaker, commitment in exchanges:
            offset += rng.randint(90, 300)
            clock.at = start + timedelta(seconds=offset)
            q = repo.notes.add_question(
                session_id,
                site_ids[site_index],
                question,
                asked_by=OFFICIAL.name,
                category=category,
                offset_seconds=offset,
            )
            assert q.id is not None
            offset += rng.randint(60, 240)
            clock.at = start + timedelta(seconds=offset)
            repo.notes.save_answer(q.id, answer, speaker)
            if commitment is not None:
                text, owner, due_in_days = commitment
                follow_up = repo.notes.set_commitment(
                    q.id, text, owner, start.date() + timedelta(days=due_in_days)
                )
                assert follow_up.id is not None
                commitments.append((follow_up.id, start, text, follow_up.due))
        clock.at = start + timedelta(seconds=offset + 300)
        repo.sessions.set_session_status(session_id, SessionStatus.ENDED)
    with _acting(repo, REVIEWER):
        clock.at = start + timedelta(days=2)
        if days_ago == 120:
            repo.review.set_review(
                session_id, ReviewState.RETURNED, "余杭区的回答缺少发言人职务，请补充后再提交。"
            )
        elif days_ago > 30:
            repo.review.set_review(session_id, ReviewState.APPROVED)


def _follow_commitments_up(
    repo: Repository, clock: _Clock, commitments: list[tuple[int, datetime, str, date | None]]
) -> None:
    """Due dates for every step, then each commitment's history, all in the order they
    happened so that the audit trail reads in time order."""
    events: list[tuple[datetime, Callable[[], object]]] = []
    for follow_up_id, start, text, due in commitments:
        made = start.date()
        if text in DUE_OVERRIDES:
            claim_days, respond_days = DUE_OVERRIDES[text]
            claim_due = made + timedelta(days=claim_days)
            respond_due = made + timedelta(days=respond_days)
        else:
            claim_due, respond_due = suggested_due_dates(made, due)
        dues = partial(
            repo.follow_ups.set_follow_up_due_dates,
            follow_up_id,
            claim_due=claim_due,
            respond_due=respond_due,
            due=due,
        )
        events.append((start + timedelta(hours=2), dues))
        for step in HISTORIES.get(text, []):
            at = datetime.combine(made + timedelta(days=step.days), time(step.hours, 20))
            events.append((at, _step_action(repo, follow_up_id, step)))
            if step.action is REOPEN and text in REOPENED_DUES:
                claim_days, respond_days, solve_days = REOPENED_DUES[text]
                new_dues = partial(
                    repo.follow_ups.set_follow_up_due_dates,
                    follow_up_id,
                    claim_due=made + timedelta(days=claim_days),
                    respond_due=made + timedelta(days=respond_days),
                    due=made + timedelta(days=solve_days),
                )
                events.append((at + timedelta(minutes=5), new_dues))
    # sorted() is stable: events at the same moment keep the order they were listed in.
    for at, act in sorted(events, key=lambda event: event[0]):
        clock.at = at
        with _acting(repo, STAFF):
            act()


def _step_action(repo: Repository, follow_up_id: int, step: _Step) -> Callable[[], object]:
    # Staff keep the board current; the reviewer reopens what the site was not satisfied with.
    def act() -> object:
        with _acting(repo, REVIEWER if step.action is REOPEN else STAFF):
            if step.action is CLAIM:
                return repo.follow_ups.claim_follow_up(follow_up_id, step.text)
            if step.action is RESPOND:
                return repo.follow_ups.respond_to_follow_up(follow_up_id, step.text)
            if step.action is SOLVE:
                return repo.follow_ups.solve_follow_up(follow_up_id, step.text, step.satisfaction)
            return repo.follow_ups.reopen_follow_up(follow_up_id, step.text)

    return act


def _today_start(today: date, now: datetime) -> datetime:
    """The next half hour, so that a newcomer sees today's session coming up, not over."""
    if now.date() != today:
        return datetime.combine(today, time(15, 0))
    rounded = now.replace(second=0, microsecond=0) + timedelta(minutes=30 - now.minute % 30)
    latest = datetime.combine(today, time(22, 30))
    return min(rounded, latest)


def _build_today(repo: Repository, site_ids: list[int], today: date) -> None:
    start = _today_start(today, datetime.now())
    with _acting(repo, STAFF):
        session_id = repo.sessions.save_session(
            Session(
                title="节前视频连线慰问基层一线",
                kind=SessionKind.POLICY_BRIEFING,
                official=OFFICIAL.name,
                start=start,
                duration_minutes=60,
                status=SessionStatus.SCHEDULED,
                sites=[
                    SessionSite(site_ids[i], position, box)
                    for position, (i, box, _, _) in enumerate(TODAY_PLAN)
                ],
                notes="各点位提前 30 分钟完成设备测试。",
            )
        )
        for site_index, _, items, briefing in TODAY_PLAN:
            for kind, text in items:
                repo.sessions.add_agenda_item(session_id, site_ids[site_index], kind, text)
            repo.sessions.save_briefing(session_id, site_ids[site_index], briefing)
        next_week = datetime.combine(today + timedelta(days=7), time(10, 0))
        repo.sessions.save_session(
            Session(
                title="乡村振兴专题调研连线",
                kind=SessionKind.INVESTIGATION,
                official="赵文华",
                start=next_week,
                duration_minutes=45,
                status=SessionStatus.DRAFT,
                sites=[SessionSite(site_ids[0], 0, 20), SessionSite(site_ids[3], 1, 20)],
            )
        )


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def ensure_demo_database(path: Path, today: date | None = None) -> bool:
    """Make `path` a demo database of today; return True if it was (re)built.

    A file that is not a demo (no marker) is never touched: it may be someone's real data.
    """
    today = today or date.today()
    if path.exists():
        try:
            repo = Repository.open(path)
        except StoreError as exc:
            raise DemoRefusedError(
                "{path} exists and is not an Outreach demo database; choose another --db", path=path
            ) from exc
        try:
            built_on = repo.meta.get_meta(DEMO_MARKER)
        finally:
            repo.close()
        if built_on is None:
            raise DemoRefusedError(
                "{path} holds real data, not a demo; choose another file for --demo --db", path=path
            )
        if built_on == today.isoformat():
            return False
        _remove_database_files(path)
    repo = Repository.open(path)
    try:
        build_demo(repo, today)
    finally:
        repo.close()
    return True
