<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="150"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="153"/>
        <source>No topics or questions yet — type one below and press Enter.</source>
        <translation>还没有议题或问题——在下方输入后按回车。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="157"/>
        <source>New topic or question</source>
        <translation>新议题或问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="159"/>
        <source>A question (Enter) or a topic (Ctrl+Enter) for this site</source>
        <translation>为本站点添加问题（回车）或议题（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="161"/>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="162"/>
        <source>Add as a planned question (Enter)</source>
        <translation>添加为预设问题（回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="163"/>
        <source>Add topic</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="164"/>
        <source>Add as a topic (Ctrl+Enter)</source>
        <translation>添加为议题（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="165"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="166"/>
        <source>Delete the selected item (Del)</source>
        <translation>删除所选项（Del）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="175"/>
        <source>Briefing</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="177"/>
        <source>Background for the official: the site, its people, demands received…</source>
        <translation>供领导参考的背景：站点情况、人员、收到的诉求……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="184"/>
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="192"/>
        <source>Topics and planned questions (drag to reorder, double-click to edit)</source>
        <translation>议题和预设问题（拖动排序，双击编辑）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="199"/>
        <source>Open follow-ups from earlier sessions</source>
        <translation>以往连线中未办结的事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="205"/>
        <source>&amp;Briefing (saved as you type)</source>
        <translation>背景材料(&amp;B)（输入即保存）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="262"/>
        <source>Save the session with at least one site to write its agenda.</source>
        <translation>请先保存含至少一个站点的连线，再编写议程。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="304"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="309"/>
        <source>Planned question</source>
        <translation>预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="333"/>
        <source>Delete agenda item</source>
        <translation>删除议程项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="334"/>
        <source>Delete “%1” from the agenda?</source>
        <translation>从议程中删除“%1”？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="360"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="368"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="53"/>
        <source>Topics and planned questions</source>
        <translation>议题和预设问题</translation>
    </message>
</context>
<context>
    <name>CallPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="185"/>
        <source>This session is over; its call cannot be started again.</source>
        <translation>本场连线已结束，不能再次开始通话。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="187"/>
        <source>This session was cancelled.</source>
        <translation>本场连线已取消。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="211"/>
        <source>The call could not start: %1</source>
        <translation>通话无法开始：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="394"/>
        <source>Cannot record to %1: %2</source>
        <translation>无法录制到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="415"/>
        <source>The recording stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
</context>
<context>
    <name>CallStates</name>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="44"/>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="45"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="46"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="47"/>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="48"/>
        <source>Failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="49"/>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
</context>
<context>
    <name>CallStatistics</name>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="130"/>
        <source>%1 fps</source>
        <translation>%1 帧/秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="132"/>
        <source>%1 kbit/s</source>
        <translation>%1 千比特/秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="137"/>
        <source>RTT %1 ms</source>
        <translation>往返 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="141"/>
        <source>loss %1%</source>
        <translation>丢包 %1%</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="180"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="187"/>
        <source>Copy invitation link</source>
        <translation>复制邀请链接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="190"/>
        <source>Copy the join link of the selected site (%1)</source>
        <translation>复制所选站点的入会链接（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="198"/>
        <source>&amp;Run sheet</source>
        <translation>流程表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="256"/>
        <source>&amp;Call</source>
        <translation>通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="257"/>
        <source>&amp;Next site</source>
        <translation>下一站点(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="260"/>
        <source>Pass the floor to the next site in speaking order (%1)</source>
        <translation>按发言顺序请下一个站点发言（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="265"/>
        <source>&amp;Previous site</source>
        <translation>上一站点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="268"/>
        <source>Give the floor back to the previous site (%1)</source>
        <translation>请上一个站点再次发言（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="273"/>
        <source>&amp;Copy invitation link</source>
        <translation>复制邀请链接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="276"/>
        <source>&amp;End session…</source>
        <translation>结束连线(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="279"/>
        <source>End the session for every site (%1)</source>
        <translation>为所有站点结束连线（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="299"/>
        <source>C&amp;lose window</source>
        <translation>关闭窗口(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="324"/>
        <source>Time since the session started</source>
        <translation>连线已进行的时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="331"/>
        <source>Time left of the current site&apos;s time box; +: over time</source>
        <translation>当前站点时长的剩余时间；+ 表示超时</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="405"/>
        <source>Video of the site that has the floor</source>
        <translation>正在发言站点的视频</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="412"/>
        <location filename="../../outreach_app/ui/call/window.py" line="413"/>
        <source>Your own camera</source>
        <translation>您自己的摄像头画面</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="544"/>
        <source>Your camera — nobody has the floor; %1 starts with the first site.</source>
        <translation>您的摄像头——暂无站点发言；按 %1 从第一个站点开始。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="449"/>
        <source>Call — %1</source>
        <translation>通话 — %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="204"/>
        <source>Double-click a site or press Enter to give it the floor. Notes are taken for the selected site.</source>
        <translation>双击站点或按回车键，请该站点发言。记录归入所选站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="282"/>
        <source>&amp;Mute my microphone</source>
        <translation>关闭我的麦克风(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="286"/>
        <source>Turn my &amp;camera off</source>
        <translation>关闭我的摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="290"/>
        <source>&amp;Record the session</source>
        <translation>录制连线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="294"/>
        <source>Record the floor&apos;s video and sound to the recording folder (%1)</source>
        <translation>把发言站点的画面和声音录制到录制文件夹（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="347"/>
        <source>● REC</source>
        <translation>● 录制中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="349"/>
        <source>This session is being recorded</source>
        <translation>本场连线正在录制</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="472"/>
        <source>Starting the call…</source>
        <translation>正在开始通话…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="473"/>
        <source>● Live</source>
        <translation>● 进行中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="474"/>
        <source>Ending…</source>
        <translation>正在结束…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="475"/>
        <source>Session ended</source>
        <translation>连线已结束</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="476"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="492"/>
        <source>The session has ended. Notes can still be edited.</source>
        <translation>连线已结束，记录仍可编辑。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="493"/>
        <source>The session has ended.</source>
        <translation>连线已结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="530"/>
        <location filename="../../outreach_app/ui/call/window.py" line="547"/>
        <source>Your camera</source>
        <translation>您的摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="555"/>
        <source>Waiting for video from %1…</source>
        <translation>正在等待%1的视频…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="559"/>
        <source>On the floor:
%1</source>
        <translation>正在发言：
%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="570"/>
        <source>%1 in session</source>
        <translation>已进行 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="599"/>
        <source>The invitation link of %1 is on the clipboard.</source>
        <translation>%1的邀请链接已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="619"/>
        <location filename="../../outreach_app/ui/call/window.py" line="634"/>
        <source>End session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="621"/>
        <source>End the session for every site now? Their links stop working; notes can still be edited afterwards.</source>
        <translation>现在为所有站点结束连线吗？邀请链接将失效；记录之后仍可编辑。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="630"/>
        <source>The session is live</source>
        <translation>连线正在进行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="632"/>
        <source>End the session for every site, or keep it running and minimize this window?</source>
        <translation>为所有站点结束连线，还是让连线继续进行并最小化此窗口？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="635"/>
        <source>Keep running</source>
        <translation>继续连线</translation>
    </message>
</context>
<context>
    <name>CallWindows</name>
    <message>
        <location filename="../../outreach_app/ui/call/launcher.py" line="96"/>
        <source>The call server could not start at %1: %2</source>
        <translation>连线服务器无法在 %1 启动：%2</translation>
    </message>
</context>
<context>
    <name>CameraFeeder</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="108"/>
        <source>The chosen camera is not connected.</source>
        <translation>所选摄像头未连接。</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="82"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="82"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="85"/>
        <source>Contact people</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="24"/>
        <source>Welcome to Outreach</source>
        <translation>欢迎使用连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="27"/>
        <source>Tell us who you are. Your name is recorded with every change you make, and the app opens on the view your role needs most. You can change both later.</source>
        <translation>请告诉我们您是谁。您所做的每一处修改都会记录您的姓名，应用会打开您的角色最常用的页面。两者以后都可以更改。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="33"/>
        <source>Your full name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="34"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="45"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="46"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="101"/>
        <source>Open follow-ups from earlier sessions</source>
        <translation>以往连线中未办结的事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="106"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="106"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="106"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="106"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="117"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="125"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="131"/>
        <source>Nothing open for this site.</source>
        <translation>本站点没有未办结事项。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="70"/>
        <source>Outreach</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="72"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="78"/>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="105"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="110"/>
        <source>&amp;Join a session as a site…</source>
        <translation>以站点身份加入连线(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="115"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="120"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="126"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="134"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="135"/>
        <source>&amp;About Outreach</source>
        <translation>关于连线(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="163"/>
        <location filename="../../outreach_app/ui/main_window.py" line="178"/>
        <source>Join a session as a site</source>
        <translation>以站点身份加入连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="164"/>
        <source>Paste the invitation link you received:</source>
        <translation>粘贴收到的邀请链接：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="180"/>
        <source>This is not an invitation link. It looks like https://server/join/… — copy all of it from the invitation.</source>
        <translation>这不是邀请链接。邀请链接形如 https://服务器/join/…，请从邀请中完整复制。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="211"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="212"/>
        <source>The new database or language is used the next time Outreach starts.</source>
        <translation>新的数据库或语言将在下次启动连线时生效。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="217"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="224"/>
        <source>&lt;h3&gt;Outreach %1&lt;/h3&gt;&lt;p&gt;Scheduled video sessions between officials and grassroots sites, with structured notes, follow-ups and review.&lt;/p&gt;&lt;p&gt;Built with Qt for Python and Qt Multimedia (LGPLv3), aiortc and aioice (BSD), PyAV (BSD) with FFmpeg (LGPL) and x264 (GPLv2), libvpx and Opus (BSD), WebRTC audio processing via pywebrtc-audio (BSD), aiohttp and sqlite-utils (Apache 2.0), qasync and NumPy (BSD). Chinese text uses WenQuanYi Micro Hei (GPLv3 with font exception), bundled with the app.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;连线 %1&lt;/h3&gt;&lt;p&gt;领导干部与基层站点的预约视频连线，附结构化记录、跟踪督办和审阅。&lt;/p&gt;&lt;p&gt;基于 Qt for Python 和 Qt Multimedia（LGPLv3）、aiortc 和 aioice（BSD）、PyAV（BSD）及 FFmpeg（LGPL）和 x264（GPLv2）、libvpx 和 Opus（BSD）、经 pywebrtc-audio 使用的 WebRTC 音频处理（BSD）、aiohttp 和 sqlite-utils（Apache 2.0）、qasync 和 NumPy（BSD）构建。中文文字使用随应用附带的文泉驿微米黑（GPLv3，附字体例外条款）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="144"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="222"/>
        <source>About Outreach</source>
        <translation>关于连线</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../outreach_app/ui/widgets.py" line="24"/>
        <source>Dismiss message</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>MicrophoneFeeder</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="153"/>
        <source>The chosen microphone is not connected.</source>
        <translation>所选麦克风未连接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="157"/>
        <source>The microphone cannot record at 48 kHz.</source>
        <translation>该麦克风不支持 48 kHz 录音。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="162"/>
        <source>The microphone could not be opened.</source>
        <translation>无法打开麦克风。</translation>
    </message>
</context>
<context>
    <name>MinutesHtml</name>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="116"/>
        <source>Site %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="146"/>
        <source>held %1–%2</source>
        <translation>实际 %1–%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="155"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="157"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="158"/>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="160"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="164"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="167"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="168"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="182"/>
        <source>Asked by %1</source>
        <translation>提问人 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="188"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="194"/>
        <source>at %1 in the session</source>
        <translation>连线第 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="199"/>
        <source>play the recording</source>
        <translation>播放录像</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="212"/>
        <source>Answer (%1):</source>
        <translation>回答（%1）：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="217"/>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="227"/>
        <source>owner: %1</source>
        <translation>责任单位：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="230"/>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="234"/>
        <source>no date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="261"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="262"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="263"/>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="264"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="67"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="126"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="70"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="72"/>
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="77"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="129"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="78"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="191"/>
        <source>Type the answer as it is given…</source>
        <translation>边听边记录回答……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="81"/>
        <source>Speaker at the site</source>
        <translation>站点发言人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="84"/>
        <source>Who answered</source>
        <translation>回答人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="87"/>
        <source>This answer is a commitment (creates a follow-up)</source>
        <translation>此回答含承诺事项（生成督办事项）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="91"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="92"/>
        <source>What was promised</source>
        <translation>承诺的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="94"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="95"/>
        <source>Responsible unit or person</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="98"/>
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="101"/>
        <source>Commitment:</source>
        <translation>承诺事项：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="102"/>
        <source>Owner:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="103"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="109"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="278"/>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="113"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="115"/>
        <source>Asked by:</source>
        <translation>提问人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="119"/>
        <source>Speaker:</source>
        <translation>发言人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="187"/>
        <source>Take a planned question or add one to start taking notes.</source>
        <translation>选择一个预设问题或新增问题，开始记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="199"/>
        <source>at %1 in session</source>
        <translation>连线第 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="202"/>
        <source>asked at %1</source>
        <translation>提问于 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="266"/>
        <source>Editing…</source>
        <translation>正在编辑……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="267"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="268"/>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="269"/>
        <source>Not saved yet — will retry on the next change</source>
        <translation>尚未保存——下次修改时将重试</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="279"/>
        <source>Delete this question with its answer and commitment? This cannot be undone.</source>
        <translation>删除此问题及其回答和承诺事项？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>NotesPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/notes/presenter.py" line="165"/>
        <source>Type the question first.</source>
        <translation>请先输入问题。</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="310"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="320"/>
        <source>Start session</source>
        <translation>开始连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="322"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="728"/>
        <source>End session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="324"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="552"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="330"/>
        <source>Session:</source>
        <translation>连线：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="341"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="350"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="345"/>
        <location filename="../../outreach_app/ui/notes/page.py" line="353"/>
        <source>Planned questions</source>
        <translation>预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="347"/>
        <source>Ask selected</source>
        <translation>提问所选问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="348"/>
        <source>Record the selected planned question as asked (Enter)</source>
        <translation>将所选预设问题记录为已提问（回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="371"/>
        <source>Notes for this site</source>
        <translation>本站点的记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="375"/>
        <source>Type a new question and press Enter</source>
        <translation>输入新问题后按回车</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="376"/>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="377"/>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="379"/>
        <source>Add the typed question (Enter); Ctrl+Shift+Q focuses it</source>
        <translation>添加输入的问题（回车）；Ctrl+Shift+Q 跳到此处</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="387"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="396"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="475"/>
        <source>No sessions yet — schedule one under Sessions</source>
        <translation>还没有连线——请在“连线”页面安排</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/notes/page.py" line="531"/>
        <source>%1. %2
    %3 min · %n note(s)</source>
        <translation>
            <numerusform>%1. %2
    %3 分钟 · %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="552"/>
        <source>Join call</source>
        <translation>加入通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="555"/>
        <source>Open the call window; sites join by their invitation links (Ctrl+Shift+L)</source>
        <translation>打开通话窗口；各站点通过邀请链接加入（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="557"/>
        <source>Calls are started on the day of a scheduled session</source>
        <translation>通话只能在已安排连线的当天开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="600"/>
        <source>Notes — %1</source>
        <translation>记录 — %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="602"/>
        <source>Briefing: %1</source>
        <translation>背景：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="610"/>
        <source>Already asked</source>
        <translation>已提问</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="613"/>
        <source>No planned questions for this site</source>
        <translation>本站点没有预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="628"/>
        <source>No notes for this site yet — ask a planned question or type a new one below.</source>
        <translation>本站点还没有记录——请提问预设问题或在下方输入新问题。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="709"/>
        <source>Choose the site that is answering first.</source>
        <translation>请先选择正在回答的站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="729"/>
        <source>End the session now? Notes can still be edited afterwards.</source>
        <translation>现在结束连线？结束后仍可编辑记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="743"/>
        <source>Time since the session started</source>
        <translation>连线已进行的时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="748"/>
        <source>starts %1</source>
        <translation>%1 开始</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../outreach_app/ui/presenter.py" line="80"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="27"/>
        <source>Recording — %1</source>
        <translation>录像 — %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="33"/>
        <source>Recording</source>
        <translation>录像</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="37"/>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="89"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="40"/>
        <source>Back 10 s</source>
        <translation>后退 10 秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="44"/>
        <source>Position in the recording</source>
        <translation>录像播放位置</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="67"/>
        <source>The recording file is missing: %1</source>
        <translation>找不到录像文件：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/recording_player.py" line="86"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="42"/>
        <source>Outreach</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="67"/>
        <source>Session at %1</source>
        <translation>%1 有连线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/reminders.py" line="68"/>
        <source>“%1” starts at %2 with %n site(s).</source>
        <translation>
            <numerusform>“%1”将于 %2 开始，共 %n 个站点。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="85"/>
        <source>Pre-call check failed: %1</source>
        <translation>连线前检查未通过：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="87"/>
        <source>%1 for “%2”: %3 not working.</source>
        <translation>%1（“%2”）：%3不能正常工作。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="90"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="112"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="113"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReviewPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/review/presenter.py" line="178"/>
        <source>Say what must change before sending the minutes back.</source>
        <translation>退回纪要前请写明需要修改的内容。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="272"/>
        <source>Search all notes</source>
        <translation>搜索全部记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="273"/>
        <source>Search all notes (Ctrl+F) — 中文 or English</source>
        <translation>搜索全部记录（Ctrl+F）— 中文或英文</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="276"/>
        <source>Searches questions, answers, agenda and follow-ups of every session as you type. Several words must all match. Esc clears.</source>
        <translation>边输入边搜索所有连线的问题、回答、议程和督办事项。多个词须同时匹配。按 Esc 清除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="286"/>
        <source>Site filter</source>
        <translation>站点筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="288"/>
        <source>Kind filter</source>
        <translation>类型筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="289"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="293"/>
        <source>Category filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="295"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="296"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="300"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="302"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="303"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="304"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="305"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="306"/>
        <source>Dates below</source>
        <translation>下方日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="310"/>
        <source>Period from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="312"/>
        <source>Period to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="324"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="325"/>
        <source>Show every site, kind, category and status</source>
        <translation>显示所有站点、类型、类别和状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="329"/>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="330"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="331"/>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="332"/>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="333"/>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="341"/>
        <source>Sessions and search results</source>
        <translation>连线和搜索结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="364"/>
        <location filename="../../outreach_app/ui/review/view.py" line="392"/>
        <location filename="../../outreach_app/ui/review/view.py" line="411"/>
        <location filename="../../outreach_app/ui/review/view.py" line="725"/>
        <source>Minutes</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="369"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="375"/>
        <source>Send &amp;back…</source>
        <translation>退回(&amp;B)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="397"/>
        <location filename="../../outreach_app/ui/review/view.py" line="412"/>
        <location filename="../../outreach_app/ui/review/view.py" line="733"/>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="399"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="399"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="399"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="399"/>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="469"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="478"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="482"/>
        <source>%1 (archived)</source>
        <translation>%1（已归档）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="486"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="531"/>
        <source>The period starts after it ends: check the two dates.</source>
        <translation>起始日期晚于截止日期，请检查这两个日期。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="598"/>
        <source>1 note</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="598"/>
        <source>%1 notes</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="603"/>
        <source>1 open follow-up</source>
        <translation>1 项未办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="603"/>
        <source>%1 open follow-ups</source>
        <translation>%1 项未办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="636"/>
        <source>No sessions match these filters — clear the filters to see all.</source>
        <translation>没有符合筛选条件的连线——清除筛选可查看全部。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="638"/>
        <source>No sessions to review yet — they appear here once scheduled.</source>
        <translation>还没有待审阅的连线——安排后会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="641"/>
        <source>1 session</source>
        <translation>1 场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="641"/>
        <source>%1 sessions</source>
        <translation>%1 场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="681"/>
        <source>No matches for “%1”. Try fewer or shorter words, or clear the filters.</source>
        <translation>没有找到“%1”。请减少或缩短搜索词，或清除筛选。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="686"/>
        <source>1 match</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="686"/>
        <source>%1 matches — newest first</source>
        <translation>%1 条结果——最新的在前</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="687"/>
        <source>(showing the first 100)</source>
        <translation>（显示前 100 条）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="690"/>
        <source>No matches</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="695"/>
        <source>The search could not run. Change the search words.</source>
        <translation>无法执行搜索，请更换搜索词。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="696"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="698"/>
        <source>Cannot search for “%1”: %2</source>
        <translation>无法搜索“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="729"/>
        <source>Choose a session on the left to read its minutes.</source>
        <translation>在左侧选择一场连线以阅读纪要。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="828"/>
        <source>Audit trail (%1)</source>
        <translation>操作记录（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="835"/>
        <source>Choose a session first</source>
        <translation>请先选择一场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="841"/>
        <source>The session is still running</source>
        <translation>连线仍在进行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="843"/>
        <source>The session has not taken place yet</source>
        <translation>连线尚未举行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="851"/>
        <source>Already approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="853"/>
        <source>Approve these minutes (Ctrl+Shift+A)</source>
        <translation>批准此纪要（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="857"/>
        <source>Already sent back; waiting for corrections</source>
        <translation>已退回，等待修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="859"/>
        <source>Send the minutes back with a comment (Ctrl+Shift+B)</source>
        <translation>附意见退回纪要（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="879"/>
        <source>Minutes marked “%1”.</source>
        <translation>纪要已标记为“%1”。</translation>
    </message>
</context>
<context>
    <name>RunSheet</name>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="77"/>
        <source>Run sheet</source>
        <translation>流程表</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="82"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="82"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="82"/>
        <source>Time left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="84"/>
        <source>Time left of the segment; +: over</source>
        <translation>本段剩余时间；+ 表示超时</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="108"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="155"/>
        <source>Has the floor</source>
        <translation>正在发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="155"/>
        <source>Waiting</source>
        <translation>等待发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="189"/>
        <source>Give the floor</source>
        <translation>请其发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="191"/>
        <source>Copy invitation link</source>
        <translation>复制邀请链接</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="60"/>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="61"/>
        <source>Previous week (Alt+Left)</source>
        <translation>上一周（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="63"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="64"/>
        <source>Go to this week (Alt+Home)</source>
        <translation>回到本周（Alt+Home）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="67"/>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="68"/>
        <source>Next week (Alt+Right)</source>
        <translation>下一周（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="72"/>
        <location filename="../../outreach_app/ui/schedule/page.py" line="122"/>
        <location filename="../../outreach_app/ui/schedule/page.py" line="269"/>
        <source>New session</source>
        <translation>新建连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="73"/>
        <source>Schedule a new session (Ctrl+N)</source>
        <translation>安排新的连线（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="83"/>
        <source>Upcoming sessions</source>
        <translation>即将举行的连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="84"/>
        <source>Double-click or press Enter to open a session</source>
        <translation>双击或按回车打开连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="88"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="89"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="90"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="92"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="110"/>
        <source>&amp;Upcoming sessions</source>
        <translation>即将举行的连线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="126"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="127"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="200"/>
        <source>Nothing scheduled — press New session (Ctrl+N)</source>
        <translation>尚无安排——点击“新建连线”（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="239"/>
        <source>Save the changes to this session first?</source>
        <translation>先保存对此连线的修改吗？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="282"/>
        <source>Join call</source>
        <translation>加入通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="282"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="285"/>
        <source>Open the call window; sites join by their invitation links</source>
        <translation>打开通话窗口；各站点通过邀请链接加入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="287"/>
        <source>Calls are started on the day of a scheduled session</source>
        <translation>通话只能在已安排连线的当天开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="324"/>
        <source>Give the session a title.</source>
        <translation>请为连线填写标题。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="335"/>
        <source>Session saved.</source>
        <translation>连线已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="350"/>
        <source>Cancel session</source>
        <translation>取消连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="351"/>
        <source>Cancel “%1”? It stays on record as cancelled; sites should be told.</source>
        <translation>取消“%1”？记录会保留为“已取消”，请通知各站点。</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="194"/>
        <source>Send minutes back</source>
        <translation>退回纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="196"/>
        <source>What must change before the minutes of “%1” can be approved?</source>
        <translation>“%1”的纪要需要修改什么才能批准？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="202"/>
        <source>Comment for the note-taker</source>
        <translation>给记录员的意见</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="204"/>
        <source>For example: add the speakers&apos; positions to the answers from 余杭区.</source>
        <translation>例如：余杭区的回答请补充发言人职务。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="215"/>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="230"/>
        <source>Write what must change: the note-taker needs it to correct the minutes.</source>
        <translation>请写明需要修改的内容，记录员要据此修改纪要。</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="287"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="288"/>
        <source>e.g. 节前视频连线慰问基层一线</source>
        <translation>例如：节前视频连线慰问基层一线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="290"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="294"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="296"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="300"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="303"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="305"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="309"/>
        <source>Notes for the session</source>
        <translation>连线备注</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="313"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="314"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="315"/>
        <source>Official:</source>
        <translation>领导：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="318"/>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="320"/>
        <source>Start:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="321"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="322"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="326"/>
        <source>Site to add</source>
        <translation>要添加的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="327"/>
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="328"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="329"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="330"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="350"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="353"/>
        <source>Save the session (Ctrl+S)</source>
        <translation>保存连线（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="354"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="355"/>
        <source>Discard the changes since the last save</source>
        <translation>放弃上次保存后的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="356"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="359"/>
        <source>Cancel session…</source>
        <translation>取消连线……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="361"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="375"/>
        <source>Sites in speaking order (drag to reorder):</source>
        <translation>按发言顺序排列的站点（拖动排序）：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="449"/>
        <source>All sites are in this session</source>
        <translation>所有站点都已在此连线中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="451"/>
        <source>No sites yet — add them under Sites</source>
        <translation>还没有站点——请在“站点”页面添加</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="488"/>
        <source>Time boxes: %1 of %2 min</source>
        <translation>各站点时长：%1 / %2 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="536"/>
        <source>%1 is also in “%2” at %3.</source>
        <translation>%1 在 %3 还有“%2”。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="543"/>
        <source>%1 is booked in “%2” at %3.</source>
        <translation>%1 已被 %3 的“%2”占用。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="549"/>
        <source>The time boxes exceed the duration by %1 min.</source>
        <translation>各站点时长合计超出连线时长 %1 分钟。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="552"/>
        <source>%1 is listed twice.</source>
        <translation>%1 重复出现。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="42"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="47"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="49"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="55"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="131"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="56"/>
        <source>Default: outreach.db in your data folder</source>
        <translation>默认：数据文件夹中的 outreach.db</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="57"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="72"/>
        <source>Browse…</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="60"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="62"/>
        <source>ICE servers</source>
        <translation>ICE 服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="65"/>
        <source>None on a local network. One a line, e.g.
stun:stun.example.cn:3478
turn:turn.example.cn:3478 user password</source>
        <translation>局域网内无需填写。每行一个，例如：
stun:stun.example.cn:3478
turn:turn.example.cn:3478 用户名 密码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="71"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="141"/>
        <source>Recording folder</source>
        <translation>录制文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="75"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="75"/>
        <source>Test pattern (no camera)</source>
        <translation>测试图案（不用摄像头）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="78"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="78"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="81"/>
        <source>Speakers</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="81"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="84"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="85"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="92"/>
        <source>Reminder lead time</source>
        <translation>提前提醒时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="94"/>
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="98"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="99"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="100"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="101"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="102"/>
        <source>ICE servers:</source>
        <translation>ICE 服务器：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="103"/>
        <source>Recording folder:</source>
        <translation>录制文件夹：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="104"/>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="105"/>
        <source>Microphone:</source>
        <translation>麦克风：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="106"/>
        <source>Speakers:</source>
        <translation>扬声器：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="107"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="108"/>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="114"/>
        <source>The database and language change the next time the app starts.</source>
        <translation>数据库和语言在下次启动应用时生效。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="133"/>
        <source>Outreach database (*.db)</source>
        <translation>连线数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="155"/>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="157"/>
        <source>%1 is a folder; give the path of a database file</source>
        <translation>%1 是文件夹，请填写数据库文件的路径</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="164"/>
        <source>Cannot write in %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="171"/>
        <source>Give your name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="228"/>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
</context>
<context>
    <name>SiteEditor</name>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="177"/>
        <location filename="../../outreach_app/ui/sites/view.py" line="309"/>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="190"/>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="193"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="194"/>
        <source>Province, city, county</source>
        <translation>省、市、县</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="196"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="200"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="202"/>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="226"/>
        <source>Connection notes</source>
        <translation>连接说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="228"/>
        <source>Link, equipment, best time to test, who to call when it fails</source>
        <translation>线路、设备、最佳测试时间、故障时联系谁</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="233"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="234"/>
        <source>Separated by commas or 、</source>
        <translation>用逗号或顿号分隔</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="182"/>
        <source>Archived: kept for the record, not offered for new sessions.</source>
        <translation>已归档：保留记录，不再用于新的连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="262"/>
        <location filename="../../outreach_app/ui/sites/view.py" line="264"/>
        <source>Sessions with this site</source>
        <translation>该站点参加过的连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="238"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="179"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="191"/>
        <source>For example 红旗村村委会</source>
        <translation>例如：红旗村村委会</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="239"/>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="240"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="241"/>
        <source>Contacts:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="242"/>
        <source>Connection notes:</source>
        <translation>连接说明：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="243"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="246"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="249"/>
        <source>Save this site (Ctrl+S)</source>
        <translation>保存此站点（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="250"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="251"/>
        <source>Undo the changes since the last save</source>
        <translation>撤销上次保存以来的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="252"/>
        <location filename="../../outreach_app/ui/sites/view.py" line="317"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="253"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="266"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="266"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="266"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="317"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="319"/>
        <source>Offer this site for new sessions again</source>
        <translation>重新在新连线中提供此站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="321"/>
        <source>Keep the site for the record but stop offering it for new sessions</source>
        <translation>保留站点记录，但不再在新连线中提供</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="335"/>
        <source>This site appears in sessions or notes: archive it instead</source>
        <translation>该站点出现在连线或记录中，请改为归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="337"/>
        <source>Delete this site for good</source>
        <translation>永久删除此站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="276"/>
        <source>Not in any session yet</source>
        <translation>尚未参加任何连线</translation>
    </message>
</context>
<context>
    <name>SiteImportDialog</name>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="57"/>
        <source>Import sites from CSV</source>
        <translation>从 CSV 导入站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="65"/>
        <source>Columns: name, region, address, contacts (张德明:13909321234; …), connection_notes, tags. UTF-8 or GB18030. If any line is wrong, nothing is imported and every wrong line is listed.</source>
        <translation>列：name、region、address、contacts（张德明:13909321234; …）、connection_notes、tags，也可用中文列名（名称、地区、地址、联系人、备注、标签）。编码 UTF-8 或 GB18030。只要有一行有误就不会导入任何内容，并列出所有错误行。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="73"/>
        <source>Not sure about the format? Save template… writes a file with the header and one example row to fill in. You can also drop a CSV file here.</source>
        <translation>不确定格式？“保存模板…”会写出一个包含表头和一行示例的文件供填写。也可以把 CSV 文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="79"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="82"/>
        <source>Choose file…</source>
        <translation>选择文件……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="84"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="85"/>
        <source>Read the file again after fixing it</source>
        <translation>修改文件后重新读取</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="88"/>
        <source>Save template…</source>
        <translation>保存模板……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="89"/>
        <source>Write an example CSV file to fill in</source>
        <translation>生成一个可填写的示例 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="102"/>
        <source>Sites to import, or the lines to fix</source>
        <translation>要导入的站点，或需要修正的行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="109"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="133"/>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="133"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="140"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="140"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="150"/>
        <source>Cannot write the template: %1</source>
        <translation>无法写入模板：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="154"/>
        <source>Template saved as %1.</source>
        <translation>模板已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="177"/>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="199"/>
        <source>Connection notes</source>
        <translation>连接说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="215"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="215"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="231"/>
        <source>%n line(s) must be fixed before anything can be imported.</source>
        <translation>
            <numerusform>有 %n 行需要修正后才能导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="195"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="196"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="197"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="198"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="200"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="210"/>
        <source>%n site(s) ready to import.</source>
        <translation>
            <numerusform>%n 个站点可以导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="263"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/import_dialog.py" line="279"/>
        <source>%n site(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个站点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SitePresenter</name>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="98"/>
        <source>Cannot reach the session&apos;s server. Check the network and try again.</source>
        <translation>连不上连线服务器，请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="240"/>
        <source>This invitation link is not valid. Check that all of it was copied.</source>
        <translation>邀请链接无效，请检查链接是否复制完整。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="243"/>
        <source>This invitation has expired. Ask the organiser for a new one.</source>
        <translation>邀请已过期，请向组织方索取新的链接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="246"/>
        <source>This invitation is for another session.</source>
        <translation>这个邀请属于另一场连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="249"/>
        <source>This session has ended.</source>
        <translation>这场连线已经结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="250"/>
        <source>This site joined again from another place; this window stops.</source>
        <translation>本站点已在别处重新加入，此窗口停止。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/presenter.py" line="255"/>
        <source>The server refused this invitation.</source>
        <translation>服务器拒绝了这个邀请。</translation>
    </message>
</context>
<context>
    <name>SiteTile</name>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="76"/>
        <source>Double-click to give %1 the floor</source>
        <translation>双击请%1发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="107"/>
        <source>Waiting for video…</source>
        <translation>正在等待视频…</translation>
    </message>
</context>
<context>
    <name>SiteWindow</name>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="41"/>
        <source>Outreach — joined as a site</source>
        <translation>连线 — 以站点身份加入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="46"/>
        <location filename="../../outreach_app/ui/site/window.py" line="99"/>
        <source>Joining…</source>
        <translation>正在加入……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="49"/>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="50"/>
        <source>The official appears here</source>
        <translation>领导的画面显示在这里</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="51"/>
        <location filename="../../outreach_app/ui/site/window.py" line="76"/>
        <source>The official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="53"/>
        <location filename="../../outreach_app/ui/site/window.py" line="54"/>
        <location filename="../../outreach_app/ui/site/window.py" line="80"/>
        <source>The site with the floor</source>
        <translation>正在发言的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="57"/>
        <location filename="../../outreach_app/ui/site/window.py" line="82"/>
        <source>Your camera</source>
        <translation>本站画面</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="65"/>
        <location filename="../../outreach_app/ui/site/window.py" line="161"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="67"/>
        <location filename="../../outreach_app/ui/site/window.py" line="165"/>
        <source>Camera off</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="69"/>
        <source>Test my setup</source>
        <translation>检查设备</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="71"/>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="134"/>
        <source>Waiting for the official to start the session</source>
        <translation>等待领导开始连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="135"/>
        <source>Connecting…</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="136"/>
        <location filename="../../outreach_app/ui/site/window.py" line="152"/>
        <source>Connected — waiting for your turn</source>
        <translation>已连接 — 等待轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="137"/>
        <source>Connection lost — reconnecting by itself…</source>
        <translation>连接中断 — 正在自动重连……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="138"/>
        <source>Could not connect. Check the network.</source>
        <translation>无法连接，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="139"/>
        <source>You have left the session.</source>
        <translation>您已离开连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="143"/>
        <location filename="../../outreach_app/ui/site/window.py" line="150"/>
        <source>You have the floor</source>
        <translation>轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="145"/>
        <source>The session has ended.</source>
        <translation>连线已结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="161"/>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="165"/>
        <source>Camera on</source>
        <translation>打开摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="169"/>
        <source>Testing camera, microphone and connection…</source>
        <translation>正在检查摄像头、麦克风和网络连接……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="175"/>
        <source>Camera: %1</source>
        <translation>摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="176"/>
        <source>Microphone: %1</source>
        <translation>麦克风：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="177"/>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site/window.py" line="180"/>
        <source>The result could not be sent to the organiser.</source>
        <translation>检查结果未能发送给组织方。</translation>
    </message>
</context>
<context>
    <name>SitesTableModel</name>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="55"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="56"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="57"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="58"/>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="59"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/models.py" line="121"/>
        <source>Archived · %1</source>
        <translation>已归档 · %1</translation>
    </message>
</context>
<context>
    <name>SitesView</name>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="408"/>
        <source>Filter by name, region, contact or tag</source>
        <translation>按名称、地区、联系人或标签筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="409"/>
        <source>Filter sites</source>
        <translation>筛选站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="411"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="412"/>
        <source>List archived sites too, greyed out</source>
        <translation>同时列出已归档站点（灰色显示）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="425"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="517"/>
        <source>No sites yet — add one with New site or import a CSV file.</source>
        <translation>还没有站点——点击“新建站点”或导入 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="413"/>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="415"/>
        <source>Add a site (Ctrl+Shift+N)</source>
        <translation>添加站点（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="416"/>
        <source>Import CSV…</source>
        <translation>导入 CSV……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="418"/>
        <source>Import sites from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件导入站点（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="597"/>
        <source>Save the changes to this site first?</source>
        <translation>先保存对此站点的修改吗？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="623"/>
        <source>A site needs a name.</source>
        <translation>站点需要名称。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="630"/>
        <source>Site saved.</source>
        <translation>站点已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="672"/>
        <location filename="../../outreach_app/ui/sites/view.py" line="681"/>
        <source>Site in use</source>
        <translation>站点正在使用</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="674"/>
        <source>“%1” appears in sessions or notes, so it cannot be deleted. It is archived already: kept for the record and not offered for new sessions.</source>
        <translation>“%1”出现在连线或记录中，不能删除。它已归档：保留记录，不再在新连线中提供。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="683"/>
        <source>“%1” appears in sessions or notes, so it cannot be deleted. Archive it instead? Archived sites stay in the record but are not offered for new sessions.</source>
        <translation>“%1”出现在连线或记录中，不能删除。改为归档吗？归档的站点保留记录，但不再用于新的连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="693"/>
        <source>Site deleted.</source>
        <translation>站点已删除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="661"/>
        <source>Delete site</source>
        <translation>删除站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="519"/>
        <source>No site matches “%1”.</source>
        <translation>没有与“%1”匹配的站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="521"/>
        <source>Every site is archived. Tick Show archived to see them.</source>
        <translation>所有站点都已归档。勾选“显示已归档”即可查看。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="662"/>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>删除“%1”？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>SpeakerOutput</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="205"/>
        <source>The chosen speakers are not connected.</source>
        <translation>所选扬声器未连接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="210"/>
        <source>The speakers could not be opened.</source>
        <translation>无法打开扬声器。</translation>
    </message>
</context>
<context>
    <name>SpeakingOrder</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="119"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="122"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="122"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="122"/>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="122"/>
        <source>Pre-call check</source>
        <translation>连线前检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="149"/>
        <source>No sites in this session yet — add them below.</source>
        <translation>此连线还没有站点——请在下方添加。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="179"/>
        <source>not run</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="180"/>
        <source>The site has not opened its check link.</source>
        <translation>该站点还没有打开检查链接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="185"/>
        <source>✓ passed %1</source>
        <translation>✓ 通过 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="191"/>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="192"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="199"/>
        <source>Camera: %1 · Microphone: %2 · Connection: %3 (round trip %4) · from %5</source>
        <translation>摄像头：%1 · 麦克风：%2 · 连接：%3（往返 %4）· 来自 %5</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="205"/>
        <source>the app</source>
        <translation>桌面应用</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="205"/>
        <source>a browser</source>
        <translation>浏览器</translation>
    </message>
</context>
<context>
    <name>TimeBoxDelegate</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="82"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="85"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/week_view.py" line="46"/>
        <source>Week of sessions</source>
        <translation>本周连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/week_view.py" line="181"/>
        <source>No sessions this week — double-click a time to schedule one</source>
        <translation>本周没有连线——双击某个时间即可安排</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../outreach_app/app.py" line="145"/>
        <source>Outreach is already running; it was brought to the front.</source>
        <translation>连线已在运行，已切换到其窗口。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/app.py" line="159"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="20"/>
        <source>Policy briefing</source>
        <translation>政策宣讲</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="21"/>
        <source>Investigation and research</source>
        <translation>调查研究</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="24"/>
        <source>Reception of letters and visits</source>
        <translation>信访接待</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="27"/>
        <source>On-site work</source>
        <translation>现场办公</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="33"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="34"/>
        <source>Scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="35"/>
        <source>Live</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="36"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="37"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="43"/>
        <source>Staff (prepares sessions)</source>
        <translation>工作人员（筹备连线）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="44"/>
        <source>Official (runs sessions)</source>
        <translation>领导（主持连线）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="45"/>
        <source>Reviewer (reviews minutes)</source>
        <translation>审阅人（审阅纪要）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="51"/>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="52"/>
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="53"/>
        <source>Responded</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="54"/>
        <source>Solved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="60"/>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="61"/>
        <source>not working</source>
        <translation>不能正常工作</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="62"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="63"/>
        <source>not allowed</source>
        <translation>未获允许</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="64"/>
        <source>not tested</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="71"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="72"/>
        <source>microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="73"/>
        <source>connection</source>
        <translation>网络连接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="80"/>
        <source>Awaiting review</source>
        <translation>待审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="81"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="82"/>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="89"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="90"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="91"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="98"/>
        <source>Minutes awaiting review</source>
        <translation>纪要待审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="99"/>
        <source>Minutes approved</source>
        <translation>纪要已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="100"/>
        <source>Minutes sent back</source>
        <translation>纪要已退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="101"/>
        <source>Has open follow-ups</source>
        <translation>有未办结事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="102"/>
        <source>Has solved follow-ups</source>
        <translation>有已办结事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="109"/>
        <location filename="../../outreach_app/ui/labels.py" line="133"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="110"/>
        <location filename="../../outreach_app/ui/labels.py" line="134"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="111"/>
        <location filename="../../outreach_app/ui/labels.py" line="137"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="112"/>
        <location filename="../../outreach_app/ui/labels.py" line="135"/>
        <source>Follow-up</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="118"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="119"/>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="120"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="121"/>
        <source>Changed status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="122"/>
        <source>Reviewed</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="123"/>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="124"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="125"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="126"/>
        <source>Reordered</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="132"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="136"/>
        <source>Agenda item</source>
        <translation>议程项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="138"/>
        <source>Briefing</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="139"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="140"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="12"/>
        <source>a column appears twice</source>
        <translation>有一列出现了两次</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="13"/>
        <source>a contact with phone {phone} has no name</source>
        <translation>电话为 {phone} 的联系人没有姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="14"/>
        <source>a session must last at least one minute</source>
        <translation>连线时长至少为 1 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="15"/>
        <source>a session needs a title</source>
        <translation>连线需要标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="16"/>
        <source>a site named “{name}” already exists</source>
        <translation>名为“{name}”的站点已存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="17"/>
        <source>a site needs a name</source>
        <translation>站点需要名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="18"/>
        <source>add the port to the server address, e.g. {host}:8765</source>
        <translation>请在服务器地址中加上端口，例如 {host}:8765</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="19"/>
        <source>agenda item {id} does not exist</source>
        <translation>议程项 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="20"/>
        <source>an agenda item needs text</source>
        <translation>议程项需要内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="21"/>
        <source>cannot open {file}: {error}</source>
        <translation>无法打开 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="22"/>
        <source>cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="23"/>
        <source>cannot search for “{query}”: {error}</source>
        <translation>无法搜索“{query}”：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="24"/>
        <source>contact “{contact}” has no name</source>
        <translation>联系人“{contact}”没有姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="25"/>
        <source>describe what was committed</source>
        <translation>请填写承诺的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="26"/>
        <source>every site&apos;s time box must be at least one minute</source>
        <translation>每个站点的时长至少为 1 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="27"/>
        <source>field {field} is longer than {limit} characters</source>
        <translation>字段 {field} 超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="28"/>
        <source>follow-up {id} does not exist</source>
        <translation>督办事项 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="29"/>
        <source>give the server address, e.g. 127.0.0.1:8765</source>
        <translation>请填写服务器地址，例如 127.0.0.1:8765</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="30"/>
        <source>has {got} fields, the header has {expected}</source>
        <translation>有 {got} 个字段，表头有 {expected} 个</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="31"/>
        <source>line {line}: a STUN server takes no user name</source>
        <translation>第 {line} 行：STUN 服务器不需要用户名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="32"/>
        <source>line {line}: a TURN server needs a user name and a password</source>
        <translation>第 {line} 行：TURN 服务器需要用户名和密码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="33"/>
        <source>line {line}: port {port} must be a number from 1 to 65535</source>
        <translation>第 {line} 行：端口 {port} 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="34"/>
        <source>line {line}: “{host}” is not a valid host</source>
        <translation>第 {line} 行：“{host}”不是有效的主机</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="35"/>
        <source>line {line}: “{url}” must start with stun:, turn: or turns:</source>
        <translation>第 {line} 行：“{url}”必须以 stun:、turn: 或 turns: 开头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="36"/>
        <source>missing required column “{required}”</source>
        <translation>缺少必需的列“{required}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="37"/>
        <source>more than {limit} rows; split the file</source>
        <translation>超过 {limit} 行，请拆分文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="38"/>
        <source>not a readable CSV file: {error}</source>
        <translation>不是可读取的 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="39"/>
        <source>not a readable CSV row: {error}</source>
        <translation>不是可读取的 CSV 行：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="40"/>
        <source>phone number “{phone}” of {name} is not valid</source>
        <translation>{name} 的电话号码“{phone}”无效</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="41"/>
        <source>question {id} does not exist</source>
        <translation>问题 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="42"/>
        <source>say what must change when sending minutes back</source>
        <translation>退回纪要时请写明需要修改的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="43"/>
        <source>session {id} does not exist</source>
        <translation>连线 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="44"/>
        <source>site {id} does not exist</source>
        <translation>站点 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="45"/>
        <source>site {site} is not in session {session}</source>
        <translation>站点 {site} 不在连线 {session} 中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="46"/>
        <source>the file has a header but no sites</source>
        <translation>文件只有表头，没有站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="47"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="48"/>
        <source>the new order must list every agenda item of the site once</source>
        <translation>新顺序必须列出该站点的每个议程项且仅一次</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="49"/>
        <source>the port of the server address is not valid</source>
        <translation>服务器地址中的端口无效</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="50"/>
        <source>the reminder must come 0 to {limit} minutes before</source>
        <translation>提醒时间必须是提前 0 到 {limit} 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="51"/>
        <source>the server address has no path; remove “{path}”</source>
        <translation>服务器地址不应包含路径，请删除“{path}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="52"/>
        <source>the server address must start with http, https, ws or wss</source>
        <translation>服务器地址必须以 http、https、ws 或 wss 开头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="53"/>
        <source>the site has no name</source>
        <translation>站点没有名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="54"/>
        <source>this site appears in sessions or notes; archive it instead of deleting it</source>
        <translation>该站点出现在连线或记录中，请归档而不是删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="57"/>
        <source>unknown column(s): {unknown}; expected {expected}</source>
        <translation>未知的列：{unknown}；应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="58"/>
        <source>unknown status filter “{status}”</source>
        <translation>未知的状态筛选“{status}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="59"/>
        <source>{file} is larger than 5 MB; split it into smaller files</source>
        <translation>{file} 超过 5 MB，请拆分成较小的文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="60"/>
        <source>{file} is neither UTF-8 nor GB18030 text</source>
        <translation>{file} 既不是 UTF-8 也不是 GB18030 文本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="61"/>
        <source>{file} is not a text file; save it as CSV first</source>
        <translation>{file} 不是文本文件，请先另存为 CSV</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="62"/>
        <source>{path} exists and is not an Outreach demo database; choose another --db</source>
        <translation>{path} 已存在且不是连线演示数据库，请选择其他 --db</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="65"/>
        <source>{path} holds real data, not a demo; choose another file for --demo --db</source>
        <translation>{path} 存有真实数据而非演示数据，请为 --demo --db 选择其他文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="68"/>
        <source>{path} is not a usable Outreach database: {error}</source>
        <translation>{path} 不是可用的连线数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="69"/>
        <source>“{address}” is not a valid address</source>
        <translation>“{address}”不是有效的地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="70"/>
        <source>“{host}” is not a valid host name or address</source>
        <translation>“{host}”不是有效的主机名或地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="71"/>
        <source>“{name}” is also on line {other_line}</source>
        <translation>“{name}”也出现在第 {other_line} 行</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="775"/>
        <source>New &amp;question</source>
        <translation>新问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="782"/>
        <source>Start or join &amp;call</source>
        <translation>开始或加入通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="788"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="19"/>
        <source>&amp;Search notes</source>
        <translation>搜索记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="24"/>
        <source>Search the notes of every session (Ctrl+F)</source>
        <translation>搜索所有连线的记录（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="28"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="373"/>
        <source>&amp;New session</source>
        <translation>新建连线(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="379"/>
        <source>Sessions</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="19"/>
        <source>New &amp;site</source>
        <translation>新建站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="26"/>
        <source>&amp;Import sites from CSV…</source>
        <translation>从 CSV 导入站点(&amp;I)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="32"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../outreach_app/ui/widgets.py" line="60"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
</context>
</TS>
