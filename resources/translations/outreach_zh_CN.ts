<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="180"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="203"/>
        <source>No topics or questions yet — type one below and press Enter.</source>
        <translation>还没有议题或问题——在下方输入后按回车。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="207"/>
        <source>New topic or question</source>
        <translation>新议题或问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="209"/>
        <source>A question (Enter) or a topic (Ctrl+Enter) for this site</source>
        <translation>为本站点添加问题（回车）或议题（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="211"/>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="212"/>
        <source>Add as a planned question (Enter)</source>
        <translation>添加为预设问题（回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="213"/>
        <source>Add topic</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="214"/>
        <source>Add as a topic (Ctrl+Enter)</source>
        <translation>添加为议题（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="215"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="216"/>
        <source>Delete the selected item (Del)</source>
        <translation>删除所选项（Del）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="248"/>
        <source>Briefing</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="250"/>
        <source>Background for the official: the site, its people, demands received…</source>
        <translation>供领导参考的背景：站点情况、人员、收到的诉求……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="182"/>
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="226"/>
        <source>Topics and planned questions (drag to reorder, double-click to edit)</source>
        <translation>议题和预设问题（拖动排序，双击编辑）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="239"/>
        <source>Open follow-ups from earlier sessions and residents&apos; demands</source>
        <translation>以往连线的未办结事项和群众诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="258"/>
        <source>&amp;Briefing (saved as you type)</source>
        <translation>背景材料(&amp;B)（输入即保存）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="307"/>
        <source>Save the session with at least one site to write its agenda.</source>
        <translation>请先保存含至少一个站点的连线，再编写议程。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="351"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="356"/>
        <source>Planned question</source>
        <translation>预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="380"/>
        <source>Delete agenda item</source>
        <translation>删除议程项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="381"/>
        <source>Delete “%1” from the agenda?</source>
        <translation>从议程中删除“%1”？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="407"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="415"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="55"/>
        <source>Topics and planned questions</source>
        <translation>议题和预设问题</translation>
    </message>
</context>
<context>
    <name>CallHeader</name>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="51"/>
        <source>Time since the session started</source>
        <translation>连线已进行的时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="58"/>
        <source>Time left of the current site&apos;s time box; +: over time</source>
        <translation>当前站点时长的剩余时间；+ 表示超时</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="74"/>
        <source>● REC</source>
        <translation>● 录制中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="76"/>
        <source>This session is being recorded</source>
        <translation>本场连线正在录制</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="128"/>
        <source>Starting the call…</source>
        <translation>正在开始通话…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="129"/>
        <source>● Live</source>
        <translation>● 进行中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="130"/>
        <source>Ending…</source>
        <translation>正在结束…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="131"/>
        <source>Session ended</source>
        <translation>连线已结束</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="132"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="153"/>
        <source>On the floor:
%1</source>
        <translation>正在发言：
%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/header.py" line="161"/>
        <source>%1 in session</source>
        <translation>已进行 %1</translation>
    </message>
</context>
<context>
    <name>CallLink</name>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="127"/>
        <source>Sound only</source>
        <translation>仅语音</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="128"/>
        <source>⚠ Poor link</source>
        <translation>⚠ 网络较差</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="133"/>
        <source>Turn video back on</source>
        <translation>恢复视频</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="135"/>
        <source>Switch to sound only</source>
        <translation>切换为仅语音</translation>
    </message>
</context>
<context>
    <name>CallPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="210"/>
        <source>This session is over; its call cannot be started again.</source>
        <translation>本场连线已结束，不能再次开始通话。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="212"/>
        <source>This session was cancelled.</source>
        <translation>本场连线已取消。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="237"/>
        <source>The call could not start: %1</source>
        <translation>通话无法开始：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="314"/>
        <source>On this computer</source>
        <translation>在本机</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="316"/>
        <source>The session&apos;s settings put its call here.</source>
        <translation>本次连线的设置指定在本机进行。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="317"/>
        <source>%1 sites: this computer carries up to %2.</source>
        <translation>%1 个站点：本机最多可承载 %2 个。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="319"/>
        <source>The session wants the media server, but the server has none.</source>
        <translation>本次连线指定使用媒体服务器，但服务器未配置媒体服务器。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="325"/>
        <source>%1 sites are more than this computer carries well (%2): pictures may stutter.</source>
        <translation>%1 个站点超过本机可顺畅承载的数量（%2 个）：画面可能卡顿。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="330"/>
        <source>Media server away: reconnecting…</source>
        <translation>媒体服务器中断：正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="332"/>
        <source>The media server restarted or cannot be reached; every site comes back by itself when it is there again.</source>
        <translation>媒体服务器已重启或无法连接；恢复后各站点会自动重新接入。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="337"/>
        <source>On the media server</source>
        <translation>在媒体服务器上</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="339"/>
        <source>%1 sites are more than this computer carries (%2): Janus carries the call.</source>
        <translation>%1 个站点超过本机可承载的数量（%2 个）：由媒体服务器承载。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="341"/>
        <source>The session&apos;s settings put its call on the server&apos;s media server.</source>
        <translation>本次连线的设置指定使用服务器上的媒体服务器。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="344"/>
        <source>Back on the media server after %1 s</source>
        <translation>%1 秒后已恢复到媒体服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="581"/>
        <source>Cannot record to %1: %2</source>
        <translation>无法录制到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/presenter.py" line="602"/>
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
        <location filename="../../outreach_app/ui/call/site_tile.py" line="148"/>
        <source>%1 fps</source>
        <translation>%1 帧/秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="150"/>
        <source>%1 kbit/s</source>
        <translation>%1 千比特/秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="155"/>
        <source>RTT %1 ms</source>
        <translation>往返 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="159"/>
        <source>loss %1%</source>
        <translation>丢包 %1%</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="94"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="234"/>
        <source>Copy invitation link</source>
        <translation>复制邀请链接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="237"/>
        <source>Copy the join link of the selected site (%1)</source>
        <translation>复制所选站点的入会链接（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="245"/>
        <source>&amp;Run sheet</source>
        <translation>流程表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="161"/>
        <source>&amp;Call</source>
        <translation>通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="162"/>
        <source>&amp;Next site</source>
        <translation>下一站点(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="165"/>
        <source>Pass the floor to the next site in speaking order (%1)</source>
        <translation>按发言顺序请下一个站点发言（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="170"/>
        <source>&amp;Previous site</source>
        <translation>上一站点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="173"/>
        <source>Give the floor back to the previous site (%1)</source>
        <translation>请上一个站点再次发言（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="186"/>
        <source>&amp;Copy invitation link</source>
        <translation>复制邀请链接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="189"/>
        <source>&amp;End session…</source>
        <translation>结束连线(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="192"/>
        <source>End the session for every site (%1)</source>
        <translation>为所有站点结束连线（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="212"/>
        <source>C&amp;lose window</source>
        <translation>关闭窗口(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="284"/>
        <source>Call — %1</source>
        <translation>通话 — %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="195"/>
        <source>&amp;Mute my microphone</source>
        <translation>关闭我的麦克风(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="178"/>
        <source>Send a &amp;notice to sites…</source>
        <translation>给站点发通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="181"/>
        <source>A one-line notice on the screen of one site or all (%1)</source>
        <translation>在一个或所有站点的屏幕上显示一行通知（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="199"/>
        <source>Turn my &amp;camera off</source>
        <translation>关闭我的摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="203"/>
        <source>&amp;Record the session</source>
        <translation>录制连线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="207"/>
        <source>Record the floor&apos;s video and sound to the recording folder (%1)</source>
        <translation>把发言站点的画面和声音录制到录制文件夹（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="215"/>
        <source>&amp;Quit Outreach</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="251"/>
        <source>Double-click a site or press Enter to give it the floor. Notes follow the site that has the floor.</source>
        <translation>双击站点或按回车键，请该站点发言。记录跟随正在发言的站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="312"/>
        <source>The session has ended.</source>
        <translation>连线已结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="325"/>
        <source>Session over. Duration %1 · sites heard: %2 of %3 · notes taken: %4 · follow-ups created: %5</source>
        <translation>连线已结束。时长 %1 · 已发言站点：%2 / %3 · 记录：%4 条 · 新建督办事项：%5 项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="368"/>
        <source>all sites</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="373"/>
        <source>Notice sent to %1: %2</source>
        <translation>已发通知给%1：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="430"/>
        <source>The invitation link of %1 is on the clipboard.</source>
        <translation>%1的邀请链接已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="450"/>
        <location filename="../../outreach_app/ui/call/window.py" line="487"/>
        <source>End session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="452"/>
        <source>End the session for every site now? Their links stop working; notes can still be edited afterwards.</source>
        <translation>现在为所有站点结束连线吗？邀请链接将失效；记录之后仍可编辑。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="470"/>
        <source>Quit Outreach</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="472"/>
        <source>The session is live. Quitting ends it for every site; the notes are saved.</source>
        <translation>连线正在进行。退出将为所有站点结束连线；记录会保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="474"/>
        <source>End session and quit</source>
        <translation>结束连线并退出</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="483"/>
        <source>The session is live</source>
        <translation>连线正在进行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="485"/>
        <source>End the session for every site, or keep it running and minimize this window?</source>
        <translation>为所有站点结束连线，还是让连线继续进行并最小化此窗口？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/window.py" line="488"/>
        <source>Keep running</source>
        <translation>继续连线</translation>
    </message>
</context>
<context>
    <name>CallWindows</name>
    <message>
        <location filename="../../outreach_app/ui/call/windows.py" line="130"/>
        <source>The call server could not start at %1: %2</source>
        <translation>连线服务器无法在 %1 启动：%2</translation>
    </message>
</context>
<context>
    <name>CameraFeeder</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="109"/>
        <source>The chosen camera is not connected.</source>
        <translation>所选摄像头未连接。</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="77"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="77"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="77"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="80"/>
        <source>Contact people</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>CumulativeTable</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="235"/>
        <source>Year to date</source>
        <translation>年内累计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="253"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="256"/>
        <source>Change year on year</source>
        <translation>同比变化</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="246"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="248"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="251"/>
        <source>&amp;Encrypt the database…</source>
        <translation>加密数据库(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="251"/>
        <source>Remove &amp;encryption…</source>
        <translation>取消加密(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="283"/>
        <source>Data safety</source>
        <translation>数据安全</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="306"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="318"/>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="327"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="334"/>
        <location filename="../../outreach_app/ui/data_safety.py" line="383"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="336"/>
        <source>Outreach backups (*.db);;All files (*)</source>
        <translation>Outreach 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="358"/>
        <source>%1 is not a plain backup: it is encrypted, or not a database at all. If it is an encrypted backup, enter its passphrase.</source>
        <translation>%1 不是普通备份：它已加密，或者根本不是数据库。如果是加密的备份，请输入其口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="378"/>
        <source>This file cannot be restored: %1</source>
        <translation>无法恢复此文件：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="396"/>
        <source>Restore the backup %1 (made %2; %3 sessions, %4 notes)?

Outreach closes, keeps the current database as %5, and puts the backup in its place. Anything entered after the backup was made is only in the kept file. Then start Outreach again.</source>
        <translation>要恢复备份 %1（生成于 %2；%3 场连线，%4 条记录）吗？

Outreach 将关闭，把当前数据库保留为 %5，并用该备份替换它。备份之后录入的内容只保存在保留的文件中。之后请重新启动 Outreach。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="414"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="415"/>
        <source>%1

The database is as it was. Start Outreach again.</source>
        <translation>%1

数据库保持原样。请重新启动 Outreach。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="420"/>
        <source>The database as it was is kept as %1.</source>
        <translation>原数据库已保留为 %1。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="426"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="427"/>
        <source>The backup is restored. %1

Start Outreach again to go on.</source>
        <translation>备份已恢复。%1

请重新启动 Outreach 继续使用。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="437"/>
        <source>Encryption needs the sqlcipher3 package.</source>
        <translation>加密功能需要 sqlcipher3 软件包。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="448"/>
        <source>Outreach closes and encrypts the database; at the next start it needs the passphrase. Backups made from now on are encrypted too; earlier ones in %1 are not: delete them once you no longer need them.</source>
        <translation>Outreach 将关闭并加密数据库；下次启动时需要输入口令。今后生成的备份也会加密；%1 中之前的备份未加密：不再需要时请将其删除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="455"/>
        <source>Outreach closes and stores the database without encryption: anyone who can read the file can then read the notes and contacts in it.</source>
        <translation>Outreach 将关闭，并以不加密的方式保存数据库：此后任何能读取该文件的人都能看到其中的记录和联系人。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="474"/>
        <source>Encryption failed</source>
        <translation>加密失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="477"/>
        <source>The database is encrypted. Start Outreach again: it takes the passphrase from the keyring.</source>
        <translation>数据库已加密。请重新启动 Outreach，它会从钥匙串中读取口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="482"/>
        <source>The database is encrypted. Start Outreach again and enter the passphrase.</source>
        <translation>数据库已加密。请重新启动 Outreach 并输入口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="484"/>
        <source>Database encrypted</source>
        <translation>数据库已加密</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="490"/>
        <source>Removing the encryption failed</source>
        <translation>取消加密失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="494"/>
        <source>Encryption removed</source>
        <translation>已取消加密</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="495"/>
        <source>The database is no longer encrypted. Start Outreach again.</source>
        <translation>数据库已不再加密。请重新启动 Outreach。</translation>
    </message>
</context>
<context>
    <name>DemandImport</name>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="23"/>
        <source>responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="24"/>
        <source>claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="25"/>
        <source>response</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="32"/>
        <source>skip: same as line %1</source>
        <translation>跳过：与第 %1 行相同</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="36"/>
        <source>skip: another message has this id</source>
        <translation>跳过：此编号属于另一条留言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="38"/>
        <source>skip: imported before</source>
        <translation>跳过：已导入过</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="41"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="42"/>
        <source>new: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="47"/>
        <source>update: %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="48"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="59"/>
        <source>another message is stored under this id or text (%1)</source>
        <translation>已有另一条留言使用此编号或内容（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="64"/>
        <source>the board says %1 since %2; here it is %3 since %4</source>
        <translation>留言板显示自 %2 起为“%1”；本地自 %4 起为“%3”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/labels.py" line="78"/>
        <source>%1: the board says “%2”, here “%3”</source>
        <translation>%1：留言板为“%2”，本地为“%3”</translation>
    </message>
</context>
<context>
    <name>DemandImportDialog</name>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="57"/>
        <source>Import demands</source>
        <translation>导入群众诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="70"/>
        <source>Save template… writes a CSV file with the header and two example rows. You can also drop a file here.</source>
        <translation>“保存模板…”会生成一个带表头和两行示例的 CSV 文件。也可以把文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="73"/>
        <source>Demands to import, or the lines to fix</source>
        <translation>待导入的诉求，或需要修改的行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="105"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="74"/>
        <source>Choose a message board export</source>
        <translation>选择留言板导出文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="59"/>
        <source>Demands residents posted on a message board, as CSV or JSON. Columns: date, site (a site&apos;s name or its area), channel (such as People&apos;s Voices, Ask Politics, Consumer Rights), text, and optionally category; from a board&apos;s export also its message id, status, claimed at and by, responded at and the response, solved at, and the responsible unit. UTF-8 or GB18030. If any line is wrong, nothing is imported and every wrong line is listed. A message imported before is brought up to date by its id: the board&apos;s new steps are added, nothing done here is lost, and where the board and the work here disagree it is listed.</source>
        <translation>群众在留言板上提交的诉求，CSV 或 JSON 格式。列：日期、站点（站点名称或所在地区）、栏目（如百姓呼声、问政、消费维权）、诉求内容，可选类别；留言板导出文件还可包含留言编号、办理状态、认领时间和认领人、答复时间和答复内容、办结时间、责任单位。编码为 UTF-8 或 GB18030。只要有一行有误，就不导入任何内容，并列出所有有误的行。以前导入过的留言按编号更新：添加留言板上的新进展，本地已办理的内容不会丢失，留言板与本地不一致之处会列出。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="75"/>
        <source>CSV or JSON files (*.csv *.json);;All files (*)</source>
        <translation>CSV 或 JSON 文件 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="99"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="100"/>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="101"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="102"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="103"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="104"/>
        <source>Demand</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="106"/>
        <source>Board and here disagree</source>
        <translation>留言板与本地不一致</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="126"/>
        <source>%n demand(s) ready to import.</source>
        <translation>
            <numerusform>%n 条诉求可以导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="128"/>
        <source>%n demand(s) to update with the board&apos;s progress.</source>
        <translation>
            <numerusform>%n 条诉求将按留言板的进展更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="132"/>
        <source>%n demand(s) already imported or repeated in the file will be skipped.</source>
        <translation>
            <numerusform>%n 条诉求已导入过或在文件中重复，将跳过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="138"/>
        <source>Every demand in this file has been imported already.</source>
        <translation>此文件中的诉求都已导入过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="142"/>
        <source>%n disagreement(s) between the board and the work done here are listed; nothing done here is overwritten.</source>
        <translation>
            <numerusform>列出留言板与本地办理不一致之处 %n 处；本地办理的内容不会被覆盖。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="201"/>
        <source>%n disagreement(s) between the board and the work done here are listed below; nothing done here was overwritten.</source>
        <translation>
            <numerusform>下方列出留言板与本地办理不一致之处 %n 处；本地办理的内容没有被覆盖。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="190"/>
        <source>%n demand(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条诉求。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="192"/>
        <source>%n updated with the board&apos;s progress.</source>
        <translation>
            <numerusform>%n 条按留言板的进展更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="195"/>
        <source>%n skipped: imported before or repeated in the file.</source>
        <translation>
            <numerusform>跳过 %n 条：已导入过或在文件中重复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="51"/>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="126"/>
        <source>Follow-up</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="88"/>
        <source>Due dates…</source>
        <translation>期限…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="98"/>
        <source>About this follow-up</source>
        <translation>督办事项详情</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="100"/>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="105"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="105"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="105"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="105"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="108"/>
        <source>History of this follow-up</source>
        <translation>此督办事项的办理记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="131"/>
        <source>a commitment made to a site, or reopened</source>
        <translation>对站点作出的承诺，或被重新办理的事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="134"/>
        <source>a named person of the owner unit has taken it on</source>
        <translation>责任单位的具体责任人已认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="136"/>
        <source>what has been done so far is recorded</source>
        <translation>已记录目前的办理情况</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="139"/>
        <source>the outcome and, where given, the site&apos;s satisfaction</source>
        <translation>办理结果，以及站点给出的满意度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="143"/>
        <source>Choose a follow-up on the left to see its history and next steps.</source>
        <translation>在左侧选择一项督办事项，查看其办理记录和下一步操作。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="144"/>
        <source>Each follow-up goes through these steps:</source>
        <translation>每项督办事项依次经过以下环节：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="146"/>
        <source>Every step is kept with its time and who recorded it. An item is overdue from the day after the date for its next step.</source>
        <translation>每个环节都会保留时间和记录人。超过下一环节期限的次日起即为逾期。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="176"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="183"/>
        <source>Committed in</source>
        <translation>承诺出处</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="185"/>
        <source>Received through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="187"/>
        <source>Made on</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="189"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="191"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="193"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="195"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="195"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="198"/>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="200"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="202"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="206"/>
        <source>Site&apos;s satisfaction</source>
        <translation>站点满意度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="210"/>
        <source>Due dates</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="229"/>
        <source>no date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="233"/>
        <source>done %1</source>
        <translation>%1 完成</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="236"/>
        <source>late</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="238"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="249"/>
        <source>Taken by %1</source>
        <translation>由 %1 认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="260"/>
        <source>History (1 step)</source>
        <translation>办理记录（1 个环节）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="260"/>
        <source>History (%1 steps)</source>
        <translation>办理记录（%1 个环节）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="270"/>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="296"/>
        <source>Choose a follow-up first</source>
        <translation>请先选择一项督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="273"/>
        <source>A named person of the owner unit takes it (%1)</source>
        <translation>由责任单位的具体责任人认领（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="274"/>
        <source>Record what has been done so far (%1)</source>
        <translation>记录目前的办理情况（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="276"/>
        <source>Record the outcome and the site&apos;s satisfaction (%1)</source>
        <translation>记录办理结果和站点满意度（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="278"/>
        <source>Take it up again, saying why (%1)</source>
        <translation>说明原因后重新办理（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="282"/>
        <source>Only an open follow-up can be claimed</source>
        <translation>只有待办事项才能认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="283"/>
        <source>Only a claimed follow-up can be responded to</source>
        <translation>只有已认领的事项才能答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="285"/>
        <source>Claim it first: only a claimed or responded follow-up can be solved</source>
        <translation>请先认领：只有已认领或已答复的事项才能办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="287"/>
        <source>It is open already</source>
        <translation>该事项已是待办状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/detail_pane.py" line="292"/>
        <source>The dates to claim, respond and solve by (%1)</source>
        <translation>认领、答复和办结的期限（%1）</translation>
    </message>
</context>
<context>
    <name>DueDatesDialog</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="226"/>
        <source>Due dates</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="232"/>
        <source>By when must “%1” be claimed, responded to and solved? Tick a step to give it a date; an item is overdue from the day after.</source>
        <translation>“%1”须在何时前认领、答复和办结？勾选某一步即可为其设定日期；过了该日期的次日即为逾期。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="238"/>
        <source>Claim by</source>
        <translation>认领期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="239"/>
        <source>Respond by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="240"/>
        <source>Solve by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="242"/>
        <source>&amp;Claim by:</source>
        <translation>认领期限(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="243"/>
        <source>&amp;Respond by:</source>
        <translation>答复期限(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="244"/>
        <source>&amp;Solve by:</source>
        <translation>办结期限(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="53"/>
        <source>There is not enough space on the disk for “%1”. Free some space or choose another place.</source>
        <translation>磁盘空间不足，无法保存“%1”。请清理空间或另选保存位置。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="59"/>
        <source>You may not write “%1” there. Choose a folder you can write to, such as Documents.</source>
        <translation>没有权限在该位置保存“%1”。请选择可写入的文件夹，例如“文档”。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="64"/>
        <source>“%1” is on a disk that cannot be written to. Choose another place.</source>
        <translation>“%1”所在的磁盘不可写入。请另选保存位置。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="68"/>
        <source>The folder for “%1” does not exist. Choose another place.</source>
        <translation>“%1”所在的文件夹不存在。请另选保存位置。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="72"/>
        <source>“%1” cannot be used as a file name. Choose another name.</source>
        <translation>“%1”不能用作文件名。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="76"/>
        <source>“%1” is open in another program. Close it there and try again.</source>
        <translation>“%1”已在其他程序中打开。请先关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="80"/>
        <source>“%1” could not be written: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/runner.py" line="153"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="207"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="226"/>
        <source>Nothing in this period.</source>
        <translation>本期没有数据。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="52"/>
        <source>Filter follow-ups by words</source>
        <translation>按关键词筛选督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="54"/>
        <source>Words in the commitment, outcome, unit, person or site (Ctrl+Shift+F)</source>
        <translation>承诺事项、办理结果、单位、人员或站点中的词语（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="62"/>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="65"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="66"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="69"/>
        <source>&amp;Overdue only</source>
        <translation>仅看逾期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="71"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="72"/>
        <source>Show every follow-up</source>
        <translation>显示全部督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="79"/>
        <source>Owner unit filter</source>
        <translation>责任单位筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="81"/>
        <source>When the commitment was made</source>
        <translation>承诺事项提出的时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="103"/>
        <source>&amp;Group by:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="112"/>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="113"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="114"/>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="115"/>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="120"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="122"/>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="144"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="145"/>
        <source>No unit yet</source>
        <translation>尚无责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/filter_bar.py" line="156"/>
        <source>The period starts after it ends: check the two dates.</source>
        <translation>起始日期晚于截止日期，请检查这两个日期。</translation>
    </message>
</context>
<context>
    <name>FilterLists</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="18"/>
        <source>Site filter</source>
        <translation>站点筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="24"/>
        <source>Kind filter</source>
        <translation>类型筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="25"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="34"/>
        <source>Category filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="41"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="42"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="53"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="57"/>
        <source>%1 (archived)</source>
        <translation>%1（已归档）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/filter_lists.py" line="69"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
</context>
<context>
    <name>FirstCopyDialog</name>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="375"/>
        <source>Copying the office&apos;s record</source>
        <translation>正在复制单位的共享记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="378"/>
        <source>The office&apos;s record is copied to this computer once; after that only changes travel. You can work on what has arrived when it is done.</source>
        <translation>单位的共享记录只需复制到本机一次，以后只传送改动。复制完成后即可使用。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="386"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="388"/>
        <source>Stop copying; nothing of the record is kept on this computer</source>
        <translation>停止复制；本机不保留任何记录内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="406"/>
        <source>%1 MB of %2 MB</source>
        <translation>已接收 %1 MB，共 %2 MB</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="414"/>
        <source>Stopping…</source>
        <translation>正在停止……</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="46"/>
        <source>Welcome to Outreach</source>
        <translation>欢迎使用连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="49"/>
        <source>Work alone on this computer</source>
        <translation>在本机单独使用</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="50"/>
        <source>Your sessions, notes and follow-ups are kept in a database on this computer.</source>
        <translation>连线、记录和督办事项保存在本机的数据库中。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="54"/>
        <source>Connect to my office&apos;s server</source>
        <translation>连接本单位的服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="56"/>
        <source>Share one record with your colleagues: what anyone saves shows on every desk. Your administrator gives you the address, an account and a password.</source>
        <translation>与同事共用一份记录：任何人保存的内容都会出现在每个人的电脑上。服务器地址、账号和密码由管理员提供。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="107"/>
        <source>Tell us who you are. Your name is recorded with every change you make, and the app opens on the view your role needs most. You can change both later.</source>
        <translation>请告诉我们您是谁。您所做的每一处修改都会记录您的姓名，应用会打开您的角色最常用的页面。两者以后都可以更改。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="113"/>
        <source>Your full name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="114"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="124"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="125"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="145"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/first_run.py" line="145"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>FollowUpBoardPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/presenter.py" line="269"/>
        <location filename="../../outreach_app/ui/follow_ups/presenter.py" line="316"/>
        <source>Choose a follow-up first.</source>
        <translation>请先选择一项督办事项。</translation>
    </message>
</context>
<context>
    <name>FollowUpBoardView</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="77"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="82"/>
        <source>Follow-ups</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="120"/>
        <source>No unit yet</source>
        <translation>尚无责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="126"/>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="243"/>
        <source>1 overdue</source>
        <translation>1 项逾期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="126"/>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="243"/>
        <source>%1 overdue</source>
        <translation>%1 项逾期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="232"/>
        <source>No follow-ups match these filters — clear the filters to see all.</source>
        <translation>没有符合筛选条件的督办事项——清除筛选可查看全部。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="234"/>
        <source>No follow-ups yet. A commitment recorded with an answer under Notes becomes a follow-up here, to be claimed, responded to and solved.</source>
        <translation>还没有督办事项。在“记录”中随回答记下的承诺事项会出现在这里，等待认领、答复和办结。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="241"/>
        <source>1 follow-up</source>
        <translation>1 项督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="241"/>
        <source>%1 follow-ups</source>
        <translation>%1 项督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="246"/>
        <source>more match: only the newest %1 are shown; narrow them with the filters</source>
        <translation>还有更多符合条件的事项：仅显示最新的 %1 项，请用筛选条件缩小范围</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="275"/>
        <source>Due dates saved.</source>
        <translation>期限已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/view.py" line="277"/>
        <source>Follow-up marked “%1”.</source>
        <translation>督办事项已标记为“%1”。</translation>
    </message>
</context>
<context>
    <name>FollowUpLabels</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="18"/>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="19"/>
        <source>Respond</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="20"/>
        <source>Solve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="21"/>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="187"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="188"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="191"/>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="29"/>
        <source>Opened</source>
        <translation>立项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="31"/>
        <source>Reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="34"/>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="35"/>
        <source>Responded</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="36"/>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="54"/>
        <source>Solved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="44"/>
        <source>Claim by</source>
        <translation>认领期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="45"/>
        <source>Respond by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="46"/>
        <source>Solve by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="197"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="199"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="211"/>
        <source>Claim overdue by %1 (due %2)</source>
        <translation>认领逾期 %1（期限 %2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="213"/>
        <source>Response overdue by %1 (due %2)</source>
        <translation>答复逾期 %1（期限 %2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="215"/>
        <source>Solution overdue by %1 (due %2)</source>
        <translation>办结逾期 %1（期限 %2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="55"/>
        <source>Solved on %1</source>
        <translation>%1 办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="63"/>
        <source>No due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="68"/>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/labels.py" line="71"/>
        <source>%1 (in %2)</source>
        <translation>%1（还有 %2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="221"/>
        <source>No unit yet</source>
        <translation>尚无责任单位</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="105"/>
        <source>Open follow-ups from earlier sessions and residents&apos; demands</source>
        <translation>以往连线的未办结事项和群众诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="111"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="111"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="111"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="111"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="128"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="133"/>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="135"/>
        <source>A resident&apos;s demand, received on %1 through %2 (%3)</source>
        <translation>群众诉求，%1 经“%2”栏目受理（%3）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/agenda_editor.py" line="161"/>
        <source>Nothing open for this site.</source>
        <translation>本站点没有未办结事项。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="131"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="136"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="140"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="143"/>
        <source>Read the file again after fixing it</source>
        <translation>修改文件后重新读取</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="148"/>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="151"/>
        <source>Write an example CSV file to fill in</source>
        <translation>生成一个可填写的示例 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="112"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="191"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="193"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="203"/>
        <source>Cannot write the template: %1</source>
        <translation>无法写入模板：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="210"/>
        <source>Template saved as %1.</source>
        <translation>模板已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="235"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="254"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="255"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="282"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>InterruptedBanner</name>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="201"/>
        <source>End the session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="203"/>
        <source>End «%1» without resuming its call? Sites still waiting are told it has ended; the notes taken are kept and can still be edited.</source>
        <translation>不恢复通话，直接结束“%1”吗？仍在等待的站点会收到连线已结束的通知；已记录的内容都会保留，之后仍可编辑。</translation>
    </message>
</context>
<context>
    <name>InterruptedNotice</name>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="122"/>
        <source>«%1» was interrupted at about %2 — the notes taken are kept.</source>
        <translation>“%1”约在 %2 中断——已记录的内容都已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="128"/>
        <source>Resume the call</source>
        <translation>恢复连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="131"/>
        <source>Open the call window again; the sites rejoin by their invitation links</source>
        <translation>重新打开通话窗口；各站点会通过邀请链接自动重新加入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="133"/>
        <source>End the session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="138"/>
        <source>Dismiss this notice</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/interrupted.py" line="139"/>
        <source>Hide this notice; the session stays live</source>
        <translation>隐藏此提示；连线仍保持进行中</translation>
    </message>
</context>
<context>
    <name>InvitationBar</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="77"/>
        <source>Site to invite</source>
        <translation>要邀请的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="80"/>
        <source>Invitation for:</source>
        <translation>邀请站点：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="83"/>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="86"/>
        <source>Copy &amp;message</source>
        <translation>复制通知(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="88"/>
        <source>&amp;QR code…</source>
        <translation>二维码(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="160"/>
        <source>Copy %1&apos;s join link, to send it any day before the session (%2)</source>
        <translation>复制%1的接入链接，连线前哪天都可发送（%2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="163"/>
        <source>Copy a message for %1 with the session, its turn, the join link and the pre-call check link (%2)</source>
        <translation>复制给%1的邀请通知，含连线、发言时段、接入链接和连线前检查链接（%2）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="167"/>
        <source>Show the QR code of %1&apos;s join link, to send into a chat group or open on a phone</source>
        <translation>显示%1接入链接的二维码，可发到群里或用手机打开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="197"/>
        <source>The invitations need the call server, which could not start: %1</source>
        <translation>生成邀请需要连线服务器，但它无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="205"/>
        <source>No invitation could be made for this site.</source>
        <translation>无法为这个站点生成邀请。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="210"/>
        <source>Copied the invitation link for %1.</source>
        <translation>已复制%1的邀请链接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="215"/>
        <source>Copied the invitation message for %1.</source>
        <translation>已复制%1的邀请通知。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_sharing.py" line="246"/>
        <source>Invitation for %1</source>
        <translation>%1的邀请</translation>
    </message>
</context>
<context>
    <name>InvitationQrDialog</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="71"/>
        <source>Invitation for %1</source>
        <translation>%1的邀请</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="88"/>
        <source>QR code of the invitation link for %1</source>
        <translation>%1邀请链接的二维码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="93"/>
        <source>Invitation link</source>
        <translation>邀请链接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="102"/>
        <source>Scan it with the phone&apos;s camera or WeChat to open the join page, or send the picture into the site&apos;s chat group. The link is for this site only.</source>
        <translation>用手机相机或微信扫码即可打开接入页面，也可以把图片发到站点的工作群。此链接仅供该站点使用。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="120"/>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="121"/>
        <source>Copy the invitation link (Ctrl+Shift+C)</source>
        <translation>复制邀请链接（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="123"/>
        <source>Copy &amp;image</source>
        <translation>复制图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="125"/>
        <source>Copy the QR code as a picture, to paste into a chat (Ctrl+C)</source>
        <translation>把二维码复制为图片，可粘贴到聊天中（Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="128"/>
        <source>&amp;Save as PNG…</source>
        <translation>另存为 PNG(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="130"/>
        <source>Save the QR code as a PNG picture (Ctrl+S)</source>
        <translation>把二维码保存为 PNG 图片（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="142"/>
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="146"/>
        <source>QR code copied as a picture.</source>
        <translation>二维码已复制为图片。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="153"/>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="155"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/invitation_qr.py" line="171"/>
        <source>Saved as “%1”.</source>
        <translation>已保存为“%1”。</translation>
    </message>
</context>
<context>
    <name>Invitations</name>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="95"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="96"/>
        <source>Your turn: %1–%2 (%3 min), %4 of %5 in the speaking order.</source>
        <translation>您的发言时段：%1–%2（%3 分钟），发言顺序第 %4 位，共 %5 个站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="99"/>
        <source>Session: %1, %2 %3–%4, with %5.</source>
        <translation>连线：%1，%2 %3–%4，领导：%5。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="100"/>
        <source>Join link: %1</source>
        <translation>接入链接：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="101"/>
        <source>Test your camera and microphone beforehand: %1</source>
        <translation>请提前测试摄像头和麦克风：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="104"/>
        <source>Open the join link a few minutes before your turn, in Chrome, Edge or Firefox or in the Outreach app. The link is for your site only: do not pass it on.</source>
        <translation>请在发言前几分钟用 Chrome、Edge 或 Firefox 浏览器或连线应用打开接入链接。此链接仅供本站点使用，请勿转发。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="109"/>
        <source>Your turn in “%1” starts soon</source>
        <translation>“%1”中您的发言即将开始</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="155"/>
        <source>month on month</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="155"/>
        <source>on previous</source>
        <translation>较上期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="156"/>
        <source>year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="162"/>
        <source>Not compared until the period is over</source>
        <translation>本期未结束，暂不比较</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="163"/>
        <source>Not compared yet</source>
        <translation>暂不比较</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="55"/>
        <source>Outreach</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="57"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="63"/>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="108"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="113"/>
        <source>&amp;Join a session as a site…</source>
        <translation>以站点身份加入连线(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="119"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="124"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="130"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="138"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="139"/>
        <source>&amp;About Outreach</source>
        <translation>关于连线(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="186"/>
        <location filename="../../outreach_app/ui/main_window.py" line="202"/>
        <source>Join a session as a site</source>
        <translation>以站点身份加入连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="187"/>
        <source>Paste the invitation link you received:</source>
        <translation>粘贴收到的邀请链接：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="204"/>
        <source>This is not an invitation link. It looks like https://server/join/… — copy all of it from the invitation.</source>
        <translation>这不是邀请链接。邀请链接形如 https://服务器/join/…，请从邀请中完整复制。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="244"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="245"/>
        <source>The new database or language is used the next time Outreach starts.</source>
        <translation>新的数据库或语言将在下次启动连线时生效。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="250"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="257"/>
        <source>&lt;h3&gt;Outreach %1&lt;/h3&gt;&lt;p&gt;Scheduled video sessions between officials and grassroots sites, with structured notes, follow-ups and review.&lt;/p&gt;&lt;p&gt;Built with Qt for Python and Qt Multimedia (LGPLv3), aiortc and aioice (BSD), PyAV (BSD) with FFmpeg (LGPL) and x264 (GPLv2), libvpx and Opus (BSD), WebRTC audio processing via pywebrtc-audio (BSD), aiohttp and sqlite-utils (Apache 2.0), qasync and NumPy (BSD). Chinese text uses WenQuanYi Micro Hei (GPLv3 with font exception), bundled with the app.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;连线 %1&lt;/h3&gt;&lt;p&gt;领导干部与基层站点的预约视频连线，附结构化记录、跟踪督办和审阅。&lt;/p&gt;&lt;p&gt;基于 Qt for Python 和 Qt Multimedia（LGPLv3）、aiortc 和 aioice（BSD）、PyAV（BSD）及 FFmpeg（LGPL）和 x264（GPLv2）、libvpx 和 Opus（BSD）、经 pywebrtc-audio 使用的 WebRTC 音频处理（BSD）、aiohttp 和 sqlite-utils（Apache 2.0）、qasync 和 NumPy（BSD）构建。中文文字使用随应用附带的文泉驿微米黑（GPLv3，附字体例外条款）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="148"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/main_window.py" line="255"/>
        <source>About Outreach</source>
        <translation>关于连线</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/messages.py" line="28"/>
        <source>Dismiss message</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>MicrophoneFeeder</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="155"/>
        <source>The chosen microphone is not connected.</source>
        <translation>所选麦克风未连接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="159"/>
        <source>The microphone cannot record at 48 kHz.</source>
        <translation>该麦克风不支持 48 kHz 录音。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="164"/>
        <source>The microphone could not be opened.</source>
        <translation>无法打开麦克风。</translation>
    </message>
</context>
<context>
    <name>MinutesDocument</name>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="33"/>
        <source>Minutes of %1</source>
        <translation>%1纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="34"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="35"/>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="54"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="36"/>
        <source>%1–%2 (%3 min)</source>
        <translation>%1–%2（%3 分钟）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="37"/>
        <source>held %1–%2</source>
        <translation>实际 %1–%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="38"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="39"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="40"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="41"/>
        <source>%1 (%2–%3)</source>
        <translation>%1（%2–%3）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="42"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="43"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="44"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="45"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="46"/>
        <source>Site %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="47"/>
        <source>Time box: %1–%2 (%3 min)</source>
        <translation>发言时段：%1–%2（%3 分钟）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="48"/>
        <source>Joined %1, left %2</source>
        <translation>%1 接入，%2 离开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="49"/>
        <source>Questions and answers</source>
        <translation>问答记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="50"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="51"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="52"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="53"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="55"/>
        <source>Asked by %1</source>
        <translation>提问人 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="56"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="57"/>
        <source>No answer recorded.</source>
        <translation>未记录回答。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="58"/>
        <source>No notes for this site.</source>
        <translation>该站点无记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="59"/>
        <source>No sites and no notes yet.</source>
        <translation>尚无站点，也无记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="62"/>
        <source>Commitments</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="63"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="64"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="65"/>
        <source>claimed by %1</source>
        <translation>认领人 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="66"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="68"/>
        <source>no date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="69"/>
        <source>Resolution: %1</source>
        <translation>办理结果：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="70"/>
        <source>Current state:</source>
        <translation>当前状态：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="71"/>
        <source>Not reviewed yet.</source>
        <translation>尚未审阅。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="72"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="73"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="74"/>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="75"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="76"/>
        <source>Approved by:</source>
        <translation>审阅人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="77"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="78"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="79"/>
        <source>DRAFT — not approved (%1)</source>
        <translation>草稿（未批准：%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/exports/vocabulary.py" line="80"/>
        <source>; </source>
        <comment>between two items on one line</comment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MinutesHtml</name>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="126"/>
        <source>Minutes of the session</source>
        <translation>连线纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="141"/>
        <source>Site %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="148"/>
        <source>No notes for this site.</source>
        <translation>该站点无记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="154"/>
        <source>No sites and no notes yet.</source>
        <translation>尚无站点，也无记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="164"/>
        <source>(%1 min)</source>
        <translation>（%1 分钟）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="169"/>
        <source>held %1–%2</source>
        <translation>实际 %1–%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="178"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="180"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="181"/>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="183"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="187"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="190"/>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="288"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="191"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="205"/>
        <source>Asked by %1</source>
        <translation>提问人 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="211"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="217"/>
        <source>at %1 in the session</source>
        <translation>连线第 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="222"/>
        <source>play the recording</source>
        <translation>播放录像</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="225"/>
        <source>Q%1.</source>
        <translation>问题%1：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="233"/>
        <source>Answer (%1):</source>
        <translation>回答（%1）：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="238"/>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="242"/>
        <source>No answer recorded.</source>
        <translation>未记录回答。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="247"/>
        <source>owner: %1</source>
        <translation>责任单位：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="250"/>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="254"/>
        <source>no date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="261"/>
        <source>claimed by %1</source>
        <translation>认领人 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="265"/>
        <source>Commitment:</source>
        <translation>承诺事项：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="266"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="268"/>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="274"/>
        <source>Resolution:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="277"/>
        <source>site&apos;s satisfaction: %1</source>
        <translation>站点满意度：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="281"/>
        <source>open on the follow-up board</source>
        <translation>在督办看板中查看</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="289"/>
        <source>Current state:</source>
        <translation>当前状态：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="295"/>
        <source>Not reviewed yet.</source>
        <translation>尚未审阅。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="301"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="302"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="303"/>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_html.py" line="304"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>MinutesPane</name>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="66"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="76"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="93"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="124"/>
        <source>Minutes</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="70"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="70"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="70"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="70"/>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="73"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="77"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="132"/>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="98"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="104"/>
        <source>Send &amp;back…</source>
        <translation>退回(&amp;B)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="109"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="128"/>
        <source>Choose a session on the left to read its minutes.</source>
        <translation>在左侧选择一场连线以阅读纪要。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="186"/>
        <source>Audit trail (%1)</source>
        <translation>操作记录（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="192"/>
        <source>Save these minutes as PDF or Word (Ctrl+E)</source>
        <translation>将此纪要保存为 PDF 或 Word 文档（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="194"/>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="201"/>
        <source>Choose a session first</source>
        <translation>请先选择一场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="203"/>
        <source>Saving the decision…</source>
        <translation>正在保存审阅结论…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="211"/>
        <source>The session is still running</source>
        <translation>连线仍在进行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="213"/>
        <source>The session has not taken place yet</source>
        <translation>连线尚未举行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="226"/>
        <source>Not yet approvable: %1.</source>
        <translation>暂不能批准：%1。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="231"/>
        <source>Already approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="233"/>
        <source>Approve these minutes (Ctrl+Shift+A)</source>
        <translation>批准此纪要（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="237"/>
        <source>Already sent back; waiting for corrections</source>
        <translation>已退回，等待修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/minutes_pane.py" line="239"/>
        <source>Send the minutes back with a comment (Ctrl+Shift+B)</source>
        <translation>附意见退回纪要（Ctrl+Shift+B）</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="43"/>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="83"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="46"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="48"/>
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="53"/>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="86"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="54"/>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="172"/>
        <source>Type the answer as it is given…</source>
        <translation>边听边记录回答……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="57"/>
        <source>Speaker at the site</source>
        <translation>站点发言人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="60"/>
        <source>Who answered</source>
        <translation>回答人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="99"/>
        <source>This answer is a commitment (creates a follow-up)</source>
        <translation>此回答含承诺事项（生成督办事项）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="103"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="104"/>
        <source>What was promised</source>
        <translation>承诺的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="106"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="107"/>
        <source>Responsible unit or person</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="109"/>
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="111"/>
        <source>Commitment:</source>
        <translation>承诺事项：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="112"/>
        <source>Owner:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="113"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="66"/>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="259"/>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="70"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="72"/>
        <source>Asked by:</source>
        <translation>提问人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="76"/>
        <source>Speaker:</source>
        <translation>发言人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="168"/>
        <source>Take a planned question or add one to start taking notes.</source>
        <translation>选择一个预设问题或新增问题，开始记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="180"/>
        <source>at %1 in session</source>
        <translation>连线第 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="183"/>
        <source>asked at %1</source>
        <translation>提问于 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="247"/>
        <source>Editing…</source>
        <translation>正在编辑……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="248"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="249"/>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="250"/>
        <source>Not saved yet — will retry on the next change</source>
        <translation>尚未保存——下次修改时将重试</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/note_editor.py" line="260"/>
        <source>Delete this question with its answer and commitment? This cannot be undone.</source>
        <translation>删除此问题及其回答和承诺事项？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>NotesPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/notes/presenter.py" line="193"/>
        <source>Type the question first.</source>
        <translation>请先输入问题。</translation>
    </message>
</context>
<context>
    <name>NotesTarget</name>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="27"/>
        <source>Notes for</source>
        <translation>记录站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="30"/>
        <source>Notes follow the site that has the floor; choose another site to take notes for it</source>
        <translation>记录跟随正在发言的站点；选择其他站点可为其记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="33"/>
        <source>N&amp;otes for:</source>
        <translation>记录站点(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="38"/>
        <source>Back to the floor</source>
        <translation>回到发言站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="40"/>
        <source>Take notes for the site that has the floor again</source>
        <translation>重新为正在发言的站点记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="63"/>
        <source>Nobody has the floor</source>
        <translation>暂无站点发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="65"/>
        <source>⚠ Not the site on the floor</source>
        <translation>⚠ 不是正在发言的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/notes_target.py" line="68"/>
        <source>● Has the floor</source>
        <translation>● 正在发言</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="138"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="148"/>
        <source>Start session</source>
        <translation>开始连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="150"/>
        <location filename="../../outreach_app/ui/notes/view.py" line="565"/>
        <source>End session</source>
        <translation>结束连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="152"/>
        <location filename="../../outreach_app/ui/notes/view.py" line="365"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="158"/>
        <source>Session:</source>
        <translation>连线：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="171"/>
        <location filename="../../outreach_app/ui/notes/view.py" line="180"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="175"/>
        <location filename="../../outreach_app/ui/notes/view.py" line="183"/>
        <source>Planned questions</source>
        <translation>预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="177"/>
        <source>Ask selected</source>
        <translation>提问所选问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="178"/>
        <source>Record the selected planned question as asked (Enter)</source>
        <translation>将所选预设问题记录为已提问（回车）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="203"/>
        <source>Notes for this site</source>
        <translation>本站点的记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="207"/>
        <source>Type a new question and press Enter</source>
        <translation>输入新问题后按回车</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="208"/>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="209"/>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="211"/>
        <source>Add the typed question (Enter); Ctrl+Shift+Q focuses it</source>
        <translation>添加输入的问题（回车）；Ctrl+Shift+Q 跳到此处</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="219"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="79"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="263"/>
        <source>No sessions yet — schedule one under Sessions</source>
        <translation>还没有连线——请在“连线”页面安排</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/notes/view.py" line="338"/>
        <source>%1. %2
    %3 min · %n note(s)</source>
        <translation>
            <numerusform>%1. %2
    %3 分钟 · %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="348"/>
        <source>Has the floor now</source>
        <translation>正在发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="365"/>
        <source>Join call</source>
        <translation>加入通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="368"/>
        <source>Open the call window; sites join by their invitation links (Ctrl+Shift+L)</source>
        <translation>打开通话窗口；各站点通过邀请链接加入（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="370"/>
        <source>Calls are started on the day of a scheduled session</source>
        <translation>通话只能在已安排连线的当天开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="388"/>
        <source>Notices reach the sites only while the session&apos;s call is live.</source>
        <translation>只有在连线进行中，通知才能送到站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="437"/>
        <source>Notes — %1</source>
        <translation>记录 — %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="439"/>
        <source>Briefing: %1</source>
        <translation>背景：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="447"/>
        <source>Already asked</source>
        <translation>已提问</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="450"/>
        <source>No planned questions for this site</source>
        <translation>本站点没有预设问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="465"/>
        <source>No notes for this site yet — ask a planned question or type a new one below.</source>
        <translation>本站点还没有记录——请提问预设问题或在下方输入新问题。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="546"/>
        <source>Choose the site that is answering first.</source>
        <translation>请先选择正在回答的站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="566"/>
        <source>End the session now? Notes can still be edited afterwards.</source>
        <translation>现在结束连线？结束后仍可编辑记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="580"/>
        <source>Time since the session started</source>
        <translation>连线已进行的时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/view.py" line="585"/>
        <source>starts %1</source>
        <translation>%1 开始</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="26"/>
        <source>Notice to sites</source>
        <translation>给站点的通知</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="28"/>
        <source>All sites</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="35"/>
        <source>For example: please prepare the figures</source>
        <translation>例如：请准备好相关数字</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="36"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="41"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="50"/>
        <source>One line, shown on the site&apos;s page until it is dismissed and kept with the session&apos;s record.</source>
        <translation>一行文字，显示在站点页面上直到对方关闭，并保存在本场连线的记录中。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="57"/>
        <source>&amp;To:</source>
        <translation>发给(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/notice_dialog.py" line="58"/>
        <source>&amp;Notice:</source>
        <translation>通知(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="191"/>
        <source>%1: set a date</source>
        <translation>%1：设定日期</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="113"/>
        <source>Encrypt the database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="115"/>
        <source>Choose a passphrase for %1. Without it nobody can read the data, you included: keep it somewhere safe, it cannot be recovered.</source>
        <translation>请为 %1 设置口令。没有口令，任何人（包括您自己）都无法读取数据：请妥善保管，口令丢失后无法找回。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="119"/>
        <source>Encrypted database</source>
        <translation>已加密的数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="120"/>
        <source>%1 is encrypted. Enter its passphrase.</source>
        <translation>%1 已加密，请输入口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="125"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="128"/>
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="130"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="132"/>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="133"/>
        <source>Remember it in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="137"/>
        <source>This system has no keyring: Outreach asks for the passphrase at each start.</source>
        <translation>本系统没有钥匙串：每次启动时 Outreach 都会询问口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="180"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="185"/>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/data_safety.py" line="191"/>
        <source>This passphrase does not open the file. Try again.</source>
        <translation>该口令无法打开此文件，请重试。</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="55"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="58"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="59"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="60"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="61"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="62"/>
        <source>Dates chosen</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="62"/>
        <source>Dates below</source>
        <translation>下方日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="69"/>
        <source>Period from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/widgets/period_filter.py" line="71"/>
        <source>Period to</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../outreach_app/ui/presenter.py" line="106"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="89"/>
        <source>Conflicts to resolve</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="94"/>
        <source>Changes to resolve</source>
        <translation>待处理的改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="108"/>
        <source>The two versions, field by field</source>
        <translation>两个版本逐项对照</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="110"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="110"/>
        <source>This computer (mine)</source>
        <translation>本机（我的）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="110"/>
        <source>The office&apos;s record</source>
        <translation>单位的共享记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="119"/>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="122"/>
        <source>Send this computer&apos;s version to the office&apos;s record, replacing theirs</source>
        <translation>把本机的版本发送到单位的共享记录，替换对方的版本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="124"/>
        <source>Keep the &amp;record&apos;s</source>
        <translation>保留共享记录的(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="127"/>
        <source>Drop this computer&apos;s change and take the office&apos;s record as it is</source>
        <translation>放弃本机的改动，采用单位共享记录中的版本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="129"/>
        <source>&amp;Discard my change</source>
        <translation>放弃我的改动(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="132"/>
        <source>The office&apos;s server will not take it: drop it and take the record as it is</source>
        <translation>单位服务器不接受此改动：放弃它，采用共享记录中的版本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="135"/>
        <source>Choices need the office&apos;s server: they are offered once it is reachable.</source>
        <translation>处理冲突需要连上单位服务器：连上后即可选择。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="179"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="179"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="199"/>
        <source>Nothing to resolve: every change reached the record.</source>
        <translation>没有待处理的事项：所有改动都已进入共享记录。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="209"/>
        <source>You changed this on %1, and someone else changed it in the office&apos;s record meanwhile. Choose the version to keep; the differences are marked.</source>
        <translation>您在 %1 修改了这里，其间其他人也在单位的共享记录中修改了它。请选择要保留的版本；不同之处已标出。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="214"/>
        <source>Made on %1. The office&apos;s server did not take this change.</source>
        <translation>改动于 %1。单位服务器没有接受这项改动。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="245"/>
        <source>(not on this computer)</source>
        <translation>（本机没有）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="246"/>
        <source>(not in the office&apos;s record)</source>
        <translation>（共享记录中没有）</translation>
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
        <location filename="../../outreach_app/ui/reminders.py" line="43"/>
        <source>Outreach</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="74"/>
        <source>Session at %1</source>
        <translation>%1 有连线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/reminders.py" line="75"/>
        <source>“%1” starts at %2 with %n site(s).</source>
        <translation>
            <numerusform>“%1”将于 %2 开始，共 %n 个站点。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="92"/>
        <source>Pre-call check failed: %1</source>
        <translation>连线前检查未通过：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="94"/>
        <source>%1 for “%2”: %3 not working.</source>
        <translation>%1（“%2”）：%3不能正常工作。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="97"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="119"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/reminders.py" line="120"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ResultList</name>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="141"/>
        <source>Sessions and search results</source>
        <translation>连线和搜索结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="165"/>
        <source>No sessions match these filters — clear the filters to see all.</source>
        <translation>没有符合筛选条件的连线——清除筛选可查看全部。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="167"/>
        <source>No sessions to review yet — they appear here once scheduled.</source>
        <translation>还没有待审阅的连线——安排后会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="179"/>
        <source>No matches for “%1”. Try fewer or shorter words, or clear the filters.</source>
        <translation>没有找到“%1”。请减少或缩短搜索词，或清除筛选。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="186"/>
        <source>The search could not run. Change the search words.</source>
        <translation>无法执行搜索，请更换搜索词。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="204"/>
        <source>1 note</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="204"/>
        <source>%1 notes</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="209"/>
        <source>1 open follow-up</source>
        <translation>1 项未办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/result_list.py" line="209"/>
        <source>%1 open follow-ups</source>
        <translation>%1 项未办结</translation>
    </message>
</context>
<context>
    <name>ReviewPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/review/presenter.py" line="195"/>
        <source>Say what must change before sending the minutes back.</source>
        <translation>退回纪要前请写明需要修改的内容。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="154"/>
        <source>Minutes marked “%1”.</source>
        <translation>纪要已标记为“%1”。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="162"/>
        <source>Choose a session whose minutes to export.</source>
        <translation>请先选择要导出纪要的连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="167"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="168"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="169"/>
        <source>minutes</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="171"/>
        <location filename="../../outreach_app/ui/review/view.py" line="207"/>
        <source>Export minutes</source>
        <translation>导出纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="208"/>
        <source>Saving the minutes of “%1”…</source>
        <translation>正在保存“%1”的纪要…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="217"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/view.py" line="222"/>
        <source>Minutes saved as “%1”.</source>
        <translation>纪要已保存为“%1”。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="134"/>
        <source>Your role: %1. Staff keep the directory of sites; you see it here.</source>
        <translation>您的角色：%1。站点名录由工作人员维护，您可以在这里查看。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="137"/>
        <source>Your role: %1. Staff prepare sessions and agendas; you see them here.</source>
        <translation>您的角色：%1。连线和议程由工作人员筹备，您可以在这里查看。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="140"/>
        <source>Your role: %1. The official and note-takers take the notes; you see them here as they are taken.</source>
        <translation>您的角色：%1。记录由领导和记录员填写，您可以在这里随时看到最新内容。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="145"/>
        <source>Your role: %1. Reviewers approve minutes or send them back.</source>
        <translation>您的角色：%1。纪要由审阅人通过或退回。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="148"/>
        <source>Your role: %1. Staff, officials and reviewers move follow-ups on.</source>
        <translation>您的角色：%1。督办事项由工作人员、领导和审阅人推进。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/roles.py" line="156"/>
        <source>Not for your role: %1</source>
        <translation>您的角色不能进行此操作：%1</translation>
    </message>
</context>
<context>
    <name>RunSheet</name>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="91"/>
        <source>Run sheet</source>
        <translation>流程表</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="98"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="99"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="100"/>
        <source>Time left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="101"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="106"/>
        <source>Raised hands, in the order they were raised</source>
        <translation>举手申请发言的站点，按举手先后排列</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="108"/>
        <source>Time left of the segment; +: over</source>
        <translation>本段剩余时间；+ 表示超时</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="133"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="181"/>
        <source>%1 — has the floor</source>
        <translation>%1 — 正在发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="181"/>
        <source>%1 — waiting</source>
        <translation>%1 — 等待发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="198"/>
        <source>Asks for the floor: %1 in line</source>
        <translation>申请发言：排第 %1 位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="229"/>
        <source>Give the floor</source>
        <translation>请其发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="231"/>
        <source>Copy invitation link</source>
        <translation>复制邀请链接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="233"/>
        <source>Take notes for this site</source>
        <translation>为此站点记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/run_sheet.py" line="236"/>
        <source>Lower the hand</source>
        <translation>放下举手</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="101"/>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="102"/>
        <source>Previous week (Alt+Left)</source>
        <translation>上一周（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="104"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="105"/>
        <source>Go to this week (Alt+Home)</source>
        <translation>回到本周（Alt+Home）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="108"/>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="109"/>
        <source>Next week (Alt+Right)</source>
        <translation>下一周（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="113"/>
        <location filename="../../outreach_app/ui/schedule/view.py" line="170"/>
        <location filename="../../outreach_app/ui/schedule/view.py" line="383"/>
        <source>New session</source>
        <translation>新建连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="114"/>
        <source>Schedule a new session (Ctrl+N)</source>
        <translation>安排新的连线（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="138"/>
        <source>Upcoming sessions</source>
        <translation>即将举行的连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="139"/>
        <source>Double-click or press Enter to open a session</source>
        <translation>双击或按回车打开连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="143"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="144"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="145"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="146"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="147"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="162"/>
        <source>&amp;Upcoming sessions</source>
        <translation>即将举行的连线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="178"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="179"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="261"/>
        <source>Nothing scheduled — press New session (Ctrl+N)</source>
        <translation>尚无安排——点击“新建连线”（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="333"/>
        <source>Save the changes to this session first?</source>
        <translation>先保存对此连线的修改吗？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="397"/>
        <source>Join call</source>
        <translation>加入通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="397"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="400"/>
        <source>Open the call window; sites join by their invitation links</source>
        <translation>打开通话窗口；各站点通过邀请链接加入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="402"/>
        <source>Calls are started on the day of a scheduled session</source>
        <translation>通话只能在已安排连线的当天开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="442"/>
        <source>Give the session a title.</source>
        <translation>请为连线填写标题。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="453"/>
        <source>Session saved.</source>
        <translation>连线已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="468"/>
        <source>Cancel session</source>
        <translation>取消连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="469"/>
        <source>Cancel “%1”? It stays on record as cancelled; sites should be told.</source>
        <translation>取消“%1”？记录会保留为“已取消”，请通知各站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="486"/>
        <source>Save the session first: invitations need its time and sites.</source>
        <translation>请先保存连线：邀请需要用到它的时间和站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="488"/>
        <source>The session is over or cancelled: there is nothing to invite to.</source>
        <translation>该连线已结束或已取消，无需发送邀请。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="490"/>
        <source>Add the sites first: each gets its own invitation.</source>
        <translation>请先添加站点：每个站点各有一份邀请。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="499"/>
        <source>Save a calendar invitation (.ics) for each site, with its turn and its join link, and one with every site (Ctrl+Shift+J)</source>
        <translation>为每个站点保存一份日历邀请（.ics），含其发言时段和接入链接，另存一份包含全部站点的邀请（Ctrl+Shift+J）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="584"/>
        <source>Save the changes first: the invitations carry the saved times.</source>
        <translation>请先保存修改：邀请使用已保存的时间。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="513"/>
        <source>Folder for the invitations</source>
        <translation>选择保存邀请的文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="524"/>
        <source>all sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="527"/>
        <source>Save invitations</source>
        <translation>保存邀请</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="528"/>
        <source>Saving the invitations to “%1”…</source>
        <translation>正在将邀请保存到“%1”…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="541"/>
        <source>The invitations need the call server, which could not start: %1</source>
        <translation>生成邀请需要连线服务器，但它无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="622"/>
        <source>Cancelled; no invitation was written.</source>
        <translation>已取消，未写入任何邀请。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/view.py" line="627"/>
        <source>Saved %1 invitations in “%2”: one for each site and one with all sites.</source>
        <translation>已在“%2”中保存 %1 份邀请：每个站点一份，另有一份包含全部站点。</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="23"/>
        <source>Send minutes back</source>
        <translation>退回纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="25"/>
        <source>What must change before the minutes of “%1” can be approved?</source>
        <translation>“%1”的纪要需要修改什么才能批准？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="31"/>
        <source>Comment for the note-taker</source>
        <translation>给记录员的意见</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="33"/>
        <source>For example: add the speakers&apos; positions to the answers from 余杭区.</source>
        <translation>例如：余杭区的回答请补充发言人职务。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="44"/>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/dialogs.py" line="59"/>
        <source>Write what must change: the note-taker needs it to correct the minutes.</source>
        <translation>请写明需要修改的内容，记录员要据此修改纪要。</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="321"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="322"/>
        <source>e.g. 节前视频连线慰问基层一线</source>
        <translation>例如：节前视频连线慰问基层一线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="324"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="328"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="330"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="334"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="337"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="339"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="343"/>
        <source>Notes for the session</source>
        <translation>连线备注</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="347"/>
        <source>What carries the call</source>
        <translation>连线承载方式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="349"/>
        <source>Automatic: this computer up to %1 sites, the media server beyond</source>
        <translation>自动：%1 个站点以内用本机，超过则用媒体服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="354"/>
        <source>This computer (the hub)</source>
        <translation>本机（中心节点）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="356"/>
        <source>The server&apos;s media server (Janus)</source>
        <translation>服务器上的媒体服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="360"/>
        <source>Sessions with many sites run on the media server next to the signaling server, so that this computer does not carry every site&apos;s video.</source>
        <translation>站点较多的连线在信令服务器旁的媒体服务器上进行，本机无需承载每个站点的视频。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="366"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="367"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="368"/>
        <source>Official:</source>
        <translation>领导：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="371"/>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="373"/>
        <source>Start:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="374"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="375"/>
        <source>Call:</source>
        <translation>连线：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="376"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="383"/>
        <source>Site to add</source>
        <translation>要添加的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="384"/>
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="385"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="386"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="387"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="408"/>
        <source>The session is live: its sites, their order and time boxes cannot change until it ends, because the call runs with them.</source>
        <translation>连线正在进行：通话按这些站点、顺序和时长进行，结束前不能更改。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="422"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="425"/>
        <source>Save the session (Ctrl+S)</source>
        <translation>保存连线（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="426"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="427"/>
        <source>Discard the changes since the last save</source>
        <translation>放弃上次保存后的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="428"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="431"/>
        <source>Cancel session…</source>
        <translation>取消连线……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="433"/>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="438"/>
        <source>Invitations (.ics)…</source>
        <translation>邀请（.ics）…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="305"/>
        <source>Sites in speaking order (drag to reorder):</source>
        <translation>按发言顺序排列的站点（拖动排序）：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="532"/>
        <source>All sites are in this session</source>
        <translation>所有站点都已在此连线中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="534"/>
        <source>No sites yet — add them under Sites</source>
        <translation>还没有站点——请在“站点”页面添加</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="572"/>
        <source>Time boxes: %1 of %2 min</source>
        <translation>各站点时长：%1 / %2 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="620"/>
        <source>%1 is also in “%2” at %3.</source>
        <translation>%1 在 %3 还有“%2”。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="627"/>
        <source>%1 is booked in “%2” at %3.</source>
        <translation>%1 已被 %3 的“%2”占用。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="633"/>
        <source>The time boxes exceed the duration by %1 min.</source>
        <translation>各站点时长合计超出连线时长 %1 分钟。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="636"/>
        <source>%1 is listed twice.</source>
        <translation>%1 重复出现。</translation>
    </message>
</context>
<context>
    <name>SessionFinder</name>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="68"/>
        <source>Search all notes</source>
        <translation>搜索全部记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="69"/>
        <source>Search all notes (Ctrl+F) — 中文 or English</source>
        <translation>搜索全部记录（Ctrl+F）— 中文或英文</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="72"/>
        <source>Searches questions, answers, agenda and follow-ups of every session as you type. Several words must all match. Esc clears.</source>
        <translation>边输入边搜索所有连线的问题、回答、议程和督办事项。多个词须同时匹配。按 Esc 清除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="86"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="87"/>
        <source>Show every site, kind, category and status</source>
        <translation>显示所有站点、类型、类别和状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="91"/>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="92"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="93"/>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="94"/>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="95"/>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="117"/>
        <source>The period starts after it ends: check the two dates.</source>
        <translation>起始日期晚于截止日期，请检查这两个日期。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="164"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="172"/>
        <source>1 session</source>
        <translation>1 场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="172"/>
        <source>%1 sessions</source>
        <translation>%1 场连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="197"/>
        <source>1 match</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="197"/>
        <source>%1 matches — newest first</source>
        <translation>%1 条结果——最新的在前</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="198"/>
        <source>(showing the first 100)</source>
        <translation>（显示前 100 条）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="201"/>
        <source>No matches</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="205"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/finder.py" line="207"/>
        <source>Cannot search for “%1”: %2</source>
        <translation>无法搜索“%1”：%2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="56"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="89"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="91"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="97"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="173"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="98"/>
        <source>Default: outreach.db in your data folder</source>
        <translation>默认：数据文件夹中的 outreach.db</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="99"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="103"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="188"/>
        <source>Browse…</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="117"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="119"/>
        <source>ICE servers</source>
        <translation>ICE 服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="122"/>
        <source>None on a local network. One a line, e.g.
stun:stun.example.cn:3478
turn:turn.example.cn:3478 user password</source>
        <translation>局域网内无需填写。每行一个，例如：
stun:stun.example.cn:3478
turn:turn.example.cn:3478 用户名 密码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="102"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="213"/>
        <source>Recording folder</source>
        <translation>录制文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="107"/>
        <source>Your office&apos;s server says who you are and keeps the record.</source>
        <translation>您的身份由单位服务器确定，记录也保存在单位服务器上。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="128"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="128"/>
        <source>Test pattern (no camera)</source>
        <translation>测试图案（不用摄像头）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="131"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="131"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="134"/>
        <source>Speakers</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="134"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="139"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="140"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="147"/>
        <source>Reminder lead time</source>
        <translation>提前提醒时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="149"/>
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="154"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="155"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="156"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="157"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="158"/>
        <source>ICE servers:</source>
        <translation>ICE 服务器：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="159"/>
        <source>Recording folder:</source>
        <translation>录制文件夹：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="160"/>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="161"/>
        <source>Microphone:</source>
        <translation>麦克风：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="162"/>
        <source>Speakers:</source>
        <translation>扬声器：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="163"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="164"/>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="165"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="166"/>
        <source>Back up every:</source>
        <translation>备份间隔：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="167"/>
        <source>Backups kept:</source>
        <translation>保留备份：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="72"/>
        <source>The database and language change the next time the app starts.</source>
        <translation>数据库和语言在下次启动应用时生效。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="175"/>
        <source>Outreach database (*.db)</source>
        <translation>连线数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="184"/>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="205"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="186"/>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="191"/>
        <source>Back up every</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="193"/>
        <source>Never (no automatic backups)</source>
        <translation>从不（不自动备份）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="194"/>
        <source> h, and when Outreach closes</source>
        <translation> 小时，以及关闭 Outreach 时</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="197"/>
        <source>Backups kept</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="199"/>
        <source> newest</source>
        <translation> 份最新备份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="227"/>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="229"/>
        <source>%1 is a folder; give the path of a database file</source>
        <translation>%1 是文件夹，请填写数据库文件的路径</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="240"/>
        <source>Cannot write in %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="247"/>
        <source>Give your name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/settings_dialog.py" line="326"/>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="358"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="360"/>
        <source>The office&apos;s server no longer accepts your sign-in: it ran out, or an administrator ended it. Sign in again to go on. Nothing on this computer is lost, and changes not yet sent go as soon as you are signed in.</source>
        <translation>单位服务器不再接受您的登录：登录已过期，或已被管理员结束。请重新登录后继续。本机的内容不会丢失，尚未发送的改动会在登录后立即发送。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="365"/>
        <source>Connect to my office&apos;s server</source>
        <translation>连接本单位的服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="367"/>
        <source>Work on your office&apos;s shared record: sessions, notes and follow-ups that colleagues see as soon as they are saved. Your administrator gives you the address, your account name and a password.</source>
        <translation>使用本单位的共享记录：连线、记录和督办事项一经保存，同事们就能看到。服务器地址、账号和密码由管理员提供。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="376"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="381"/>
        <source>Work alone instead…</source>
        <translation>改为单独使用……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="384"/>
        <source>Choose again how to work; the copy of the record stays on this computer</source>
        <translation>重新选择使用方式；本机的记录副本保留不动</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="172"/>
        <source>https://outreach.example.org</source>
        <translation>https://服务器地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="173"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="176"/>
        <source>The address your administrator gave you. It starts with https:// (http:// only for a server on this computer).</source>
        <translation>管理员提供的地址，以 https:// 开头（只有本机上的服务器才用 http://）。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="182"/>
        <source>Account name</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="186"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="189"/>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="190"/>
        <source>Only if your office uses its own</source>
        <translation>仅在本单位使用自有证书时填写</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="191"/>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="193"/>
        <source>Choose the certificate file your administrator gave you (.pem or .crt)</source>
        <translation>选择管理员提供的证书文件（.pem 或 .crt）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="202"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="203"/>
        <source>Account name:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="204"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="205"/>
        <source>Certificate file:</source>
        <translation>证书文件：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="253"/>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="284"/>
        <source>The office&apos;s certificate</source>
        <translation>本单位的证书</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="286"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SignInPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="131"/>
        <source>The account name or the password is wrong. Check both and try again.</source>
        <translation>账号或密码不正确。请核对后重试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/sign_in.py" line="135"/>
        <source>Too many attempts to sign in. Wait %n minute(s), then try again.</source>
        <translation>
            <numerusform>登录尝试次数过多。请等待 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="139"/>
        <source>The server cannot be reached. Check the address, and that this computer is connected to the network, then try again.</source>
        <translation>无法连接服务器。请检查地址以及本机的网络连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="146"/>
        <source>Something answers at this address, but it is not an Outreach team server. Check the address with your administrator.</source>
        <translation>这个地址有服务在响应，但不是连线应用的团队服务器。请向管理员核实地址。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/sign_in.py" line="150"/>
        <source>Give the server&apos;s address as https://…, for example https://outreach.example.org (http:// only for a server on this computer).</source>
        <translation>请以 https://… 的形式填写服务器地址，例如 https://outreach.example.org（只有本机上的服务器才用 http://）。</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="300"/>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="329"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="302"/>
        <source>Sign out of %1 (%2)? Outreach then asks again how you want to work.</source>
        <translation>退出 %1（%2）的登录吗？之后会再次询问您的使用方式。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="303"/>
        <source>the office&apos;s server</source>
        <translation>单位服务器</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="307"/>
        <source>Remove this computer&apos;s copy of the office&apos;s record</source>
        <translation>删除本机上的单位共享记录副本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/dialogs.py" line="311"/>
        <source>Nothing of the record stays on this computer: the copy is overwritten and deleted, and the sign-in is forgotten. Choose this on a shared or borrowed computer.</source>
        <translation>本机不留任何记录内容：副本被覆写后删除，登录信息也被清除。在公用或借用的电脑上请选择此项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/dialogs.py" line="351"/>
        <source>%n change(s) made on this computer have not reached the office&apos;s record yet. Removing the copy loses them.</source>
        <translation>
            <numerusform>本机有 %n 项改动尚未送达单位的共享记录。删除副本会丢失这些改动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/dialogs.py" line="358"/>
        <source>%n change(s) made on this computer have not reached the office&apos;s record yet. They stay in the copy and are sent when you sign in again.</source>
        <translation>
            <numerusform>本机有 %n 项改动尚未送达单位的共享记录。它们保留在副本中，重新登录后发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteEditor</name>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="172"/>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="320"/>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="214"/>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="217"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="218"/>
        <source>Province, city, county</source>
        <translation>省、市、县</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="220"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="249"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="251"/>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="224"/>
        <source>Connection notes</source>
        <translation>连接说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="226"/>
        <source>Link, equipment, best time to test, who to call when it fails</source>
        <translation>线路、设备、最佳测试时间、故障时联系谁</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="231"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="232"/>
        <source>Separated by commas or 、</source>
        <translation>用逗号或顿号分隔</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="177"/>
        <source>Archived: kept for the record, not offered for new sessions.</source>
        <translation>已归档：保留记录，不再用于新的连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="296"/>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="298"/>
        <source>Sessions with this site</source>
        <translation>该站点参加过的连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="236"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="174"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="215"/>
        <source>For example 红旗村村委会</source>
        <translation>例如：红旗村村委会</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="237"/>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="238"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="239"/>
        <source>Contacts:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="240"/>
        <source>Connection notes:</source>
        <translation>连接说明：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="241"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="277"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="280"/>
        <source>Save this site (Ctrl+S)</source>
        <translation>保存此站点（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="281"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="282"/>
        <source>Undo the changes since the last save</source>
        <translation>撤销上次保存以来的修改</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="283"/>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="328"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="284"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="300"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="300"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="300"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="328"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="330"/>
        <source>Offer this site for new sessions again</source>
        <translation>重新在新连线中提供此站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="332"/>
        <source>Keep the site for the record but stop offering it for new sessions</source>
        <translation>保留站点记录，但不再在新连线中提供</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="346"/>
        <source>This site appears in sessions or notes: archive it instead</source>
        <translation>该站点出现在连线或记录中，请改为归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="348"/>
        <source>Delete this site for good</source>
        <translation>永久删除此站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/site_editor.py" line="310"/>
        <source>Not in any session yet</source>
        <translation>尚未参加任何连线</translation>
    </message>
</context>
<context>
    <name>SiteImportDialog</name>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="36"/>
        <source>Import sites from CSV</source>
        <translation>从 CSV 导入站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="38"/>
        <source>Columns: name, region, address, contacts (张德明:13909321234; …), connection_notes, tags. UTF-8 or GB18030. If any line is wrong, nothing is imported and every wrong line is listed.</source>
        <translation>列：name、region、address、contacts（张德明:13909321234; …）、connection_notes、tags，也可用中文列名（名称、地区、地址、联系人、备注、标签）。编码 UTF-8 或 GB18030。只要有一行有误就不会导入任何内容，并列出所有错误行。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="43"/>
        <source>Not sure about the format? Save template… writes a file with the header and one example row to fill in. You can also drop a CSV file here.</source>
        <translation>不确定格式？“保存模板…”会写出一个包含表头和一行示例的文件供填写。也可以把 CSV 文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="46"/>
        <source>Sites to import, or the lines to fix</source>
        <translation>要导入的站点，或需要修正的行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="47"/>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="48"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="77"/>
        <source>Connection notes</source>
        <translation>连接说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="73"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="74"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="76"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="78"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="88"/>
        <source>%n site(s) ready to import.</source>
        <translation>
            <numerusform>%n 个站点可以导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="115"/>
        <source>%n site(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个站点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SitePresenter</name>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="102"/>
        <source>Cannot reach the session&apos;s server. Check the network and try again.</source>
        <translation>连不上连线服务器，请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="157"/>
        <source>Your link is too poor for video: the official switched to sound only.</source>
        <translation>你的网络太差，无法传输视频：主持人已切换为仅语音。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="159"/>
        <source>The official turned video back on.</source>
        <translation>主持人已恢复视频。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="257"/>
        <source>This invitation link is not valid. Check that all of it was copied.</source>
        <translation>邀请链接无效，请检查链接是否复制完整。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="260"/>
        <source>This invitation has expired. Ask the organiser for a new one.</source>
        <translation>邀请已过期，请向组织方索取新的链接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="263"/>
        <source>This invitation is for another session.</source>
        <translation>这个邀请属于另一场连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="266"/>
        <source>This session has ended.</source>
        <translation>这场连线已经结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="267"/>
        <source>This site joined again from another place; this window stops.</source>
        <translation>本站点已在别处重新加入，此窗口停止。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/presenter.py" line="272"/>
        <source>The server refused this invitation.</source>
        <translation>服务器拒绝了这个邀请。</translation>
    </message>
</context>
<context>
    <name>SiteTile</name>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="33"/>
        <source>Double-click to give %1 the floor</source>
        <translation>双击请%1发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="55"/>
        <source>Give the floor</source>
        <translation>请其发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="60"/>
        <source>Lower the hand</source>
        <translation>放下举手</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="94"/>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="121"/>
        <source>Waiting for video…</source>
        <translation>正在等待视频…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="103"/>
        <source>⚑ Asks for the floor (%1 in line)</source>
        <translation>⚑ 申请发言（排第 %1 位）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/site_tile.py" line="121"/>
        <source>Sound only</source>
        <translation>仅语音</translation>
    </message>
</context>
<context>
    <name>SiteWindow</name>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="48"/>
        <source>Outreach — joined as a site</source>
        <translation>连线 — 以站点身份加入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="53"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="86"/>
        <source>Joining…</source>
        <translation>正在加入……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="56"/>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="62"/>
        <source>Your place in the session</source>
        <translation>本站在连线中的位置</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="102"/>
        <source>Notice from the official</source>
        <translation>领导的通知</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="103"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="130"/>
        <source>Notice from the official: %1</source>
        <translation>领导的通知：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="132"/>
        <source>(%1 more)</source>
        <translation>（还有 %1 条）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="138"/>
        <source>The official appears here</source>
        <translation>领导的画面显示在这里</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="139"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="151"/>
        <source>The official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="141"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="142"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="155"/>
        <source>The site with the floor</source>
        <translation>正在发言的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="145"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="157"/>
        <source>Your camera</source>
        <translation>本站画面</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="164"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="301"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="166"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="305"/>
        <source>Camera off</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="168"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="234"/>
        <source>Raise hand</source>
        <translation>举手</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="171"/>
        <source>Test my setup</source>
        <translation>检查设备</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="173"/>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="209"/>
        <source>Waiting for the official to start the session</source>
        <translation>等待领导开始连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="210"/>
        <source>Connecting…</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="211"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="227"/>
        <source>Connected — waiting for your turn</source>
        <translation>已连接 — 等待轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="212"/>
        <source>Connection lost — reconnecting by itself…</source>
        <translation>连接中断 — 正在自动重连……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="213"/>
        <source>Could not connect. Check the network.</source>
        <translation>无法连接，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="214"/>
        <source>You have left the session.</source>
        <translation>您已离开连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="218"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="225"/>
        <location filename="../../outreach_app/ui/site_call/window.py" line="272"/>
        <source>You have the floor</source>
        <translation>轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="220"/>
        <source>The session has ended.</source>
        <translation>连线已结束。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="234"/>
        <source>Lower hand</source>
        <translation>放下手</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="255"/>
        <source>You are %1</source>
        <translation>本站：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="256"/>
        <source>Speaking order: %1 of %2</source>
        <translation>发言顺序：第 %1 位，共 %2 个站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="259"/>
        <source>Nobody has the floor yet</source>
        <translation>尚无站点发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="261"/>
        <source>Speaking now: %1</source>
        <translation>正在发言：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="266"/>
        <source>you</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="267"/>
        <source>Hands raised: %1</source>
        <translation>举手申请发言：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="274"/>
        <source>You have spoken — thank you</source>
        <translation>本站已发言，感谢参与</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="278"/>
        <source>You are next — any moment now</source>
        <translation>下一个轮到本站发言，马上开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="282"/>
        <source>You are next — in about 1 minute</source>
        <translation>下一个轮到本站发言，大约 1 分钟后</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="284"/>
        <source>You are next — in about %1 minutes</source>
        <translation>下一个轮到本站发言，大约 %1 分钟后</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="288"/>
        <source>Your turn comes in about 1 minute</source>
        <translation>大约 1 分钟后轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="290"/>
        <source>Your turn comes in about %1 minutes</source>
        <translation>大约 %1 分钟后轮到本站发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="301"/>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="305"/>
        <source>Camera on</source>
        <translation>打开摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="309"/>
        <source>Testing camera, microphone and connection…</source>
        <translation>正在检查摄像头、麦克风和网络连接……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="315"/>
        <source>Camera: %1</source>
        <translation>摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="316"/>
        <source>Microphone: %1</source>
        <translation>麦克风：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="317"/>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/site_call/window.py" line="320"/>
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
        <location filename="../../outreach_app/ui/sites/view.py" line="74"/>
        <source>Filter by name, region, contact or tag</source>
        <translation>按名称、地区、联系人或标签筛选</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="75"/>
        <source>Filter sites</source>
        <translation>筛选站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="77"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="78"/>
        <source>List archived sites too, greyed out</source>
        <translation>同时列出已归档站点（灰色显示）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="106"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="164"/>
        <source>No sites yet — add one with New site or import a CSV file.</source>
        <translation>还没有站点——点击“新建站点”或导入 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="79"/>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="81"/>
        <source>Add a site (Ctrl+Shift+N)</source>
        <translation>添加站点（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="82"/>
        <source>Import CSV…</source>
        <translation>导入 CSV……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="84"/>
        <source>Import sites from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件导入站点（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="244"/>
        <source>Save the changes to this site first?</source>
        <translation>先保存对此站点的修改吗？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="270"/>
        <source>A site needs a name.</source>
        <translation>站点需要名称。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="277"/>
        <source>Site saved.</source>
        <translation>站点已保存。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="319"/>
        <location filename="../../outreach_app/ui/sites/view.py" line="328"/>
        <source>Site in use</source>
        <translation>站点正在使用</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="321"/>
        <source>“%1” appears in sessions or notes, so it cannot be deleted. It is archived already: kept for the record and not offered for new sessions.</source>
        <translation>“%1”出现在连线或记录中，不能删除。它已归档：保留记录，不再在新连线中提供。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="330"/>
        <source>“%1” appears in sessions or notes, so it cannot be deleted. Archive it instead? Archived sites stay in the record but are not offered for new sessions.</source>
        <translation>“%1”出现在连线或记录中，不能删除。改为归档吗？归档的站点保留记录，但不再用于新的连线。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="340"/>
        <source>Site deleted.</source>
        <translation>站点已删除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="308"/>
        <source>Delete site</source>
        <translation>删除站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="166"/>
        <source>No site matches “%1”.</source>
        <translation>没有与“%1”匹配的站点。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="168"/>
        <source>Every site is archived. Tick Show archived to see them.</source>
        <translation>所有站点都已归档。勾选“显示已归档”即可查看。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/view.py" line="309"/>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>删除“%1”？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>SpeakerOutput</name>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="208"/>
        <source>The chosen speakers are not connected.</source>
        <translation>所选扬声器未连接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/media.py" line="213"/>
        <source>The speakers could not be opened.</source>
        <translation>无法打开扬声器。</translation>
    </message>
</context>
<context>
    <name>SpeakingOrder</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="115"/>
        <source>Sites in speaking order</source>
        <translation>发言顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="118"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="118"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="118"/>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="118"/>
        <source>Pre-call check</source>
        <translation>连线前检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="146"/>
        <source>No sites in this session yet — add them below.</source>
        <translation>此连线还没有站点——请在下方添加。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="191"/>
        <source>not run</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="192"/>
        <source>The site has not opened its check link.</source>
        <translation>该站点还没有打开检查链接。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="197"/>
        <source>✓ passed %1</source>
        <translation>✓ 通过 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="203"/>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="204"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="211"/>
        <source>Camera: %1 · Microphone: %2 · Connection: %3 (round trip %4) · from %5</source>
        <translation>摄像头：%1 · 麦克风：%2 · 连接：%3（往返 %4）· 来自 %5</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="217"/>
        <source>the app</source>
        <translation>桌面应用</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="217"/>
        <source>a browser</source>
        <translation>浏览器</translation>
    </message>
</context>
<context>
    <name>StatisticsDialogs</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/dialogs.py" line="12"/>
        <source>Close and publish %1</source>
        <translation>发布并锁定 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/dialogs.py" line="15"/>
        <source>Keep the figures of %1 as they are now, for publication? Reports and exports of the month will show them from now on; what the record counts differently later is shown beside them as a dated revision. Only a reviewer can reopen the month, saying why.</source>
        <translation>按现在的数据发布并锁定 %1 的统计？此后该月的报表和导出都显示发布时的数据；之后记录中统计有出入的，作为注明日期的修订列在旁边。只有审核人可以说明原因后重新开放该月。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/dialogs.py" line="32"/>
        <source>Reopen %1</source>
        <translation>重新开放 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/dialogs.py" line="33"/>
        <source>Why is %1 reopened? Its publication stays on record with your reason.</source>
        <translation>为什么要重新开放 %1？已发布的数据和您填写的原因都会保留在记录中。</translation>
    </message>
</context>
<context>
    <name>StatisticsPresenter</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="138"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="139"/>
        <source>you may not write there</source>
        <translation>没有写入该位置的权限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="140"/>
        <source>that place is read-only</source>
        <translation>该位置是只读的</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="141"/>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="142"/>
        <source>the file name is not valid</source>
        <translation>文件名无效</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="143"/>
        <source>another program has the file open</source>
        <translation>该文件已被其他程序打开</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/presenter.py" line="146"/>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="340"/>
        <source>First month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="341"/>
        <source>Last month</source>
        <translation>截止月份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="343"/>
        <source>Range to</source>
        <translation>区间至</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="345"/>
        <source>Count several months together</source>
        <translation>合并统计多个月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="347"/>
        <source>Earlier month</source>
        <translation>上一个月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="348"/>
        <source>Later month</source>
        <translation>下一个月</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="349"/>
        <source>Import demands…</source>
        <translation>导入群众诉求…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="352"/>
        <source>Add demands residents posted on a message board (CSV or JSON)</source>
        <translation>添加群众在留言板上反映的诉求（CSV 或 JSON）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="355"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="358"/>
        <source>Save these statistics as an Excel workbook, a PDF report or JSON</source>
        <translation>将统计保存为 Excel 工作簿、PDF 报告或 JSON</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="364"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="381"/>
        <source>No demands were received, claimed, responded to or solved in this period.</source>
        <translation>本期没有受理、认领、答复或办结的诉求。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="396"/>
        <source>Close and publish…</source>
        <translation>发布并锁定…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="399"/>
        <source>Reopen…</source>
        <translation>重新开放…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="438"/>
        <source>Chart the demands by</source>
        <translation>诉求图表分组方式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="447"/>
        <source>Bars:</source>
        <translation>柱状图：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="460"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="321"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="465"/>
        <source>Year to date</source>
        <translation>年内累计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="542"/>
        <source>%1 — compared with %2 and with %3 a year earlier</source>
        <translation>%1 — 环比 %2，同比 %3</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="549"/>
        <source>%1 so far, counted to %2: not compared with whole months until it is over</source>
        <translation>%1（截至 %2，尚未结束）：结束前不与完整月份比较</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="566"/>
        <source>Received, claimed and solved, month by month: %1</source>
        <translation>逐月受理、认领和办结情况：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="575"/>
        <source>By site: where the demands received stood at the end</source>
        <translation>按站点：受理诉求在期末的办理进度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="606"/>
        <source>Keep this month&apos;s figures as they are now, for publication</source>
        <translation>按现在的数据发布并锁定本月统计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="608"/>
        <location filename="../../outreach_app/ui/statistics/view.py" line="613"/>
        <source>Only a reviewer can close or reopen a month</source>
        <translation>只有审核人可以发布锁定或重新开放月份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="611"/>
        <source>Take the published month back, saying why; the publication stays on record</source>
        <translation>说明原因后撤回已发布的月份；发布记录仍然保留</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="645"/>
        <source>By channel: where the demands received stood at the end</source>
        <translation>按栏目：受理诉求在期末的办理进度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="647"/>
        <source>By category: where the demands received stood at the end</source>
        <translation>按类别：受理诉求在期末的办理进度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="670"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="671"/>
        <source>PDF report (*.pdf)</source>
        <translation>PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="672"/>
        <source>JSON data (*.json)</source>
        <translation>JSON 数据 (*.json)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="677"/>
        <location filename="../../outreach_app/ui/statistics/view.py" line="702"/>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="695"/>
        <source>Exporting the statistics to %1…</source>
        <translation>正在将统计导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="696"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="727"/>
        <source>Statistics saved as %1.</source>
        <translation>统计已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="731"/>
        <source>Export stopped; nothing was saved.</source>
        <translation>导出已停止，未保存任何文件。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="79"/>
        <source>Person who takes it</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="80"/>
        <source>Full name, for example 赵志刚</source>
        <translation>姓名，例如 赵志刚</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="84"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="85"/>
        <source>The unit responsible, for example 区水务局</source>
        <translation>责任单位，例如 区水务局</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="91"/>
        <source>Site&apos;s satisfaction</source>
        <translation>站点满意度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="92"/>
        <source>Not given</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="98"/>
        <source>&amp;Person:</source>
        <translation>认领人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="99"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="105"/>
        <source>Site&apos;s &amp;satisfaction:</source>
        <translation>站点满意度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="125"/>
        <source>Who takes “%1”? Name the person in the owner unit who answers for it.</source>
        <translation>由谁认领“%1”？请写明责任单位中负责此事的具体人员。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="127"/>
        <source>What has been done so far about “%1”?</source>
        <translation>“%1”目前办理得怎么样了？</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="129"/>
        <source>How was “%1” solved? Say what the outcome is and, if the site said so, how satisfied it is.</source>
        <translation>“%1”是如何办结的？请写明办理结果；如站点作出评价，请一并选择满意度。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="133"/>
        <source>Why must “%1” be taken up again? What was done so far stays in its history.</source>
        <translation>为什么要重新办理“%1”？此前的办理情况会保留在办理记录中。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="141"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="142"/>
        <source>For example: the new pump is bought and will be fitted next week.</source>
        <translation>例如：新水泵已采购，下周安装。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="143"/>
        <source>&amp;Response:</source>
        <translation>答复(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="147"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="148"/>
        <source>For example: the pump is in use; water pressure is back to normal.</source>
        <translation>例如：新水泵已投用，水压恢复正常。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="149"/>
        <source>&amp;Outcome:</source>
        <translation>办理结果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="152"/>
        <source>Reason for reopening</source>
        <translation>重新办理的原因</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="153"/>
        <source>For example: residents report the pressure drops again in the evening.</source>
        <translation>例如：居民反映晚间水压又下降了。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/dialogs.py" line="154"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="48"/>
        <source>Open the changes the office&apos;s server did not take (%1)</source>
        <translation>打开单位服务器未接受的改动（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="69"/>
        <source>Click to sign in again</source>
        <translation>点击重新登录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="71"/>
        <source>Changes are kept on this computer until the office&apos;s server has them</source>
        <translation>改动保存在本机，直到单位服务器收到为止</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="73"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n 处冲突待处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="81"/>
        <source>Copying the office&apos;s record: %1 of %2</source>
        <translation>正在复制单位的共享记录：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="86"/>
        <source>Signed out — sign in again</source>
        <translation>已退出登录——请重新登录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="93"/>
        <source>Offline since %1 — %n change(s) waiting</source>
        <translation>
            <numerusform>自 %1 起离线——%n 项改动待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="95"/>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="97"/>
        <source>Connecting to the office&apos;s server…</source>
        <translation>正在连接单位服务器……</translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="99"/>
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>正在发送 %n 项改动……</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/status_bar.py" line="100"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>TeamDesk</name>
    <message>
        <location filename="../../outreach_app/ui/team/desk.py" line="113"/>
        <source>Resolve &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/desk.py" line="116"/>
        <source>Sign &amp;out…</source>
        <translation>退出登录(&amp;O)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/desk.py" line="118"/>
        <source>Sign out of the office&apos;s server, and remove this computer&apos;s copy if you wish</source>
        <translation>退出单位服务器的登录，并可选择删除本机副本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/desk.py" line="196"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/desk.py" line="197"/>
        <source>Sign in with the same account (%1), or sign out first.</source>
        <translation>请用同一个账号（%1）登录，或先退出登录。</translation>
    </message>
</context>
<context>
    <name>TeamLabels</name>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="23"/>
        <source>The server&apos;s certificate is not trusted by this computer.

If your office uses its own certificate, ask your administrator for the certificate file and choose it under “Certificate file”.

If you did not expect this, do not continue: someone may be pretending to be your office&apos;s server.</source>
        <translation>本机不信任该服务器的证书。

如果本单位使用自有证书，请向管理员索取证书文件，并在“证书文件”中选择它。

如果您没有预料到这种情况，请不要继续：可能有人在冒充本单位的服务器。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="34"/>
        <source>“%1” is not a certificate file this computer can read. Ask your administrator for the office&apos;s certificate (a .pem or .crt file).</source>
        <translation>“%1”不是本机能读取的证书文件。请向管理员索取本单位的证书（.pem 或 .crt 文件）。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="45"/>
        <source>Site “%1” edited</source>
        <translation>修改了站点“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="46"/>
        <source>Sites imported</source>
        <translation>导入了站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="47"/>
        <source>Site “%1” archived or brought back</source>
        <translation>归档或恢复了站点“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="50"/>
        <source>Site “%1” deleted</source>
        <translation>删除了站点“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="51"/>
        <source>Session “%1” edited</source>
        <translation>修改了连线“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="52"/>
        <source>Status of session “%1” changed</source>
        <translation>更改了连线“%1”的状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="55"/>
        <source>Agenda item “%1” added</source>
        <translation>添加了议程项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="58"/>
        <source>Agenda item “%1” edited</source>
        <translation>修改了议程项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="61"/>
        <source>Agenda item “%1” deleted</source>
        <translation>删除了议程项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="64"/>
        <source>Agenda reordered</source>
        <translation>调整了议程顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="65"/>
        <source>Briefing edited</source>
        <translation>修改了背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="66"/>
        <source>A site joined the call</source>
        <translation>站点加入了连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="69"/>
        <source>A site left the call</source>
        <translation>站点离开了连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="72"/>
        <source>Note categories changed</source>
        <translation>更改了记录类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="73"/>
        <source>A pre-call check recorded</source>
        <translation>记录了连线前检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="76"/>
        <source>Interrupted session “%1” ended</source>
        <translation>结束了已中断的连线“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="79"/>
        <source>Question “%1” added</source>
        <translation>添加了问题“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="80"/>
        <source>Question “%1” edited</source>
        <translation>修改了问题“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="81"/>
        <source>Question “%1” deleted</source>
        <translation>删除了问题“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="82"/>
        <source>Answer “%1” saved</source>
        <translation>保存了回答“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="83"/>
        <source>Commitment “%1” recorded</source>
        <translation>记录了承诺事项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="86"/>
        <source>Commitment removed</source>
        <translation>删除了承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="87"/>
        <source>Follow-up “%1” claimed</source>
        <translation>认领了督办事项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="90"/>
        <source>Response to follow-up “%1” recorded</source>
        <translation>记录了督办事项“%1”的答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="93"/>
        <source>Follow-up “%1” solved</source>
        <translation>办结了督办事项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="96"/>
        <source>Follow-up “%1” reopened</source>
        <translation>重新打开了督办事项“%1”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="99"/>
        <source>Due dates of follow-up “%1” changed</source>
        <translation>更改了督办事项“%1”的期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="102"/>
        <source>Demands imported</source>
        <translation>导入了群众诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="103"/>
        <source>Minutes reviewed</source>
        <translation>审阅了纪要</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="107"/>
        <source>A change (%1)</source>
        <translation>一项改动（%1）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="121"/>
        <source>Your role, %1, may not do this.</source>
        <translation>您的角色（%1）不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="125"/>
        <source>Someone else changed this in the office&apos;s record meanwhile.</source>
        <translation>其间其他人在单位的共享记录中修改了它。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="129"/>
        <source>Something this change refers to was deleted in the office&apos;s record meanwhile.</source>
        <translation>其间这项改动涉及的内容已在单位的共享记录中被删除。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="139"/>
        <source>The office&apos;s server did not take this change: %1</source>
        <translation>单位服务器没有接受这项改动：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="152"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="153"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="154"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="155"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="156"/>
        <source>Connection notes</source>
        <translation>连接说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="157"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="158"/>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="159"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="160"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="161"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="162"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="163"/>
        <source>Duration (min)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="164"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="165"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="166"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="167"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="168"/>
        <source>Time box (min)</source>
        <translation>限时（分钟）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="169"/>
        <source>Invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="170"/>
        <source>Joined</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="171"/>
        <source>Left</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="172"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="173"/>
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="174"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="175"/>
        <source>Time in the session (s)</source>
        <translation>连线中的时间（秒）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="176"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="177"/>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="178"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="179"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="180"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="181"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="182"/>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="183"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="184"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="185"/>
        <source>Claim by</source>
        <translation>认领期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="186"/>
        <source>Respond by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="187"/>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="188"/>
        <source>Responded</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="189"/>
        <source>Solved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="190"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="191"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="192"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="193"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="194"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="195"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="215"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="217"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="224"/>
        <source>Note category</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="225"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="226"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="227"/>
        <source>Site in a session</source>
        <translation>连线中的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="228"/>
        <source>Agenda item</source>
        <translation>议程项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="229"/>
        <source>Briefing</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="230"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="231"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="232"/>
        <source>Follow-up</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="233"/>
        <source>Follow-up step</source>
        <translation>督办环节</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="234"/>
        <source>Demand</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="235"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="236"/>
        <source>Pre-call check</source>
        <translation>连线前检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/team/labels.py" line="237"/>
        <source>Notice to sites</source>
        <translation>给站点的通知</translation>
    </message>
</context>
<context>
    <name>TimeBoxDelegate</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="78"/>
        <source>Time box</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/session_editor.py" line="81"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>VideoArea</name>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="58"/>
        <source>Video of the site that has the floor</source>
        <translation>正在发言站点的视频</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="65"/>
        <location filename="../../outreach_app/ui/call/video_area.py" line="66"/>
        <source>Your own camera</source>
        <translation>您自己的摄像头画面</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="161"/>
        <source>%1 is on sound only: its link is too poor for video.</source>
        <translation>%1 已切换为仅语音：网络太差，无法传输视频。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="164"/>
        <source>The link to %1 is poor: its video will stutter or freeze. Sound only keeps the conversation going.</source>
        <translation>与 %1 的网络较差：视频会卡顿或停顿。切换为仅语音可保持通话。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="185"/>
        <location filename="../../outreach_app/ui/call/video_area.py" line="198"/>
        <source>Your camera</source>
        <translation>您的摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="195"/>
        <source>Your camera — nobody has the floor; %1 starts with the first site.</source>
        <translation>您的摄像头——暂无站点发言；按 %1 从第一个站点开始。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="205"/>
        <source>Waiting for video from %1…</source>
        <translation>正在等待%1的视频…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="211"/>
        <source>The session has ended. Notes can still be edited.</source>
        <translation>连线已结束，记录仍可编辑。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/call/video_area.py" line="213"/>
        <source>The session has ended</source>
        <translation>连线已结束</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../outreach_app/ui/schedule/week_view.py" line="77"/>
        <source>Week of sessions</source>
        <translation>本周连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/week_view.py" line="213"/>
        <source>No sessions this week — double-click a time to schedule one</source>
        <translation>本周没有连线——双击某个时间即可安排</translation>
    </message>
</context>
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="53"/>
        <source>%n line(s) must be fixed before anything can be imported.</source>
        <translation>
            <numerusform>有 %n 行需要修正后才能导入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../outreach_app/app.py" line="331"/>
        <source>Outreach is already running; it was brought to the front.</source>
        <translation>连线已在运行，已切换到其窗口。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/app.py" line="395"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/app.py" line="426"/>
        <source>Connect to an office&apos;s &amp;server…</source>
        <translation>连接单位服务器(&amp;S)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/app.py" line="429"/>
        <source>Work on your office&apos;s shared record from now on (signing in)</source>
        <translation>从现在起使用本单位的共享记录（需要登录）</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../outreach_app/ui/review/audit_trail.py" line="65"/>
        <source>site %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/audit_trail.py" line="69"/>
        <source>every site</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/audit_trail.py" line="71"/>
        <source>To %1: %2</source>
        <translation>发给%1：%2</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="28"/>
        <source>Policy briefing</source>
        <translation>政策宣讲</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="29"/>
        <source>Investigation and research</source>
        <translation>调查研究</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="32"/>
        <source>Reception of letters and visits</source>
        <translation>信访接待</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="35"/>
        <source>On-site work</source>
        <translation>现场办公</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="41"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="42"/>
        <source>Scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="43"/>
        <source>Live</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="44"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="45"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="53"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="61"/>
        <source>Live now — %1 has the floor</source>
        <translation>正在连线——%1 正在发言</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="64"/>
        <source>Live now</source>
        <translation>正在连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="69"/>
        <source>Staff (prepares sessions)</source>
        <translation>工作人员（筹备连线）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="70"/>
        <source>Official (runs sessions)</source>
        <translation>领导（主持连线）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="71"/>
        <source>Reviewer (reviews minutes)</source>
        <translation>审阅人（审阅纪要）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="72"/>
        <source>Note-taker (takes notes in calls)</source>
        <translation>记录员（在连线中记录）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="73"/>
        <source>Administrator (keeps accounts)</source>
        <translation>管理员（管理账户）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="79"/>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="80"/>
        <location filename="../../outreach_app/ui/labels.py" line="156"/>
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="81"/>
        <location filename="../../outreach_app/ui/labels.py" line="157"/>
        <source>Responded</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="82"/>
        <location filename="../../outreach_app/ui/labels.py" line="158"/>
        <source>Solved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="88"/>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="89"/>
        <source>not working</source>
        <translation>不能正常工作</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="90"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="91"/>
        <source>not allowed</source>
        <translation>未获允许</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="92"/>
        <source>not tested</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="99"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="100"/>
        <source>microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="101"/>
        <source>connection</source>
        <translation>网络连接</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="108"/>
        <source>Awaiting review</source>
        <translation>待审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="109"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="110"/>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="117"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="118"/>
        <source>Official</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="119"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="126"/>
        <source>Minutes awaiting review</source>
        <translation>纪要待审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="127"/>
        <source>Minutes approved</source>
        <translation>纪要已批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="128"/>
        <source>Minutes sent back</source>
        <translation>纪要已退回</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="129"/>
        <source>Has open follow-ups</source>
        <translation>有未办结事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="130"/>
        <source>Has solved follow-ups</source>
        <translation>有已办结事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="137"/>
        <location filename="../../outreach_app/ui/labels.py" line="168"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="138"/>
        <location filename="../../outreach_app/ui/labels.py" line="169"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="139"/>
        <location filename="../../outreach_app/ui/labels.py" line="172"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="140"/>
        <location filename="../../outreach_app/ui/labels.py" line="170"/>
        <source>Follow-up</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="146"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="147"/>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="148"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="149"/>
        <source>Changed status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="150"/>
        <source>Reviewed</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="151"/>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="152"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="153"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="154"/>
        <source>Reordered</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="159"/>
        <source>Reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="160"/>
        <source>Set due dates</source>
        <translation>设定期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="161"/>
        <source>Sent a notice</source>
        <translation>发送通知</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="167"/>
        <source>Session</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="171"/>
        <source>Agenda item</source>
        <translation>议程项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="173"/>
        <source>Briefing</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="174"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/labels.py" line="175"/>
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
        <source>describe the outcome: what was solved and how</source>
        <translation>请写明办理结果：解决了什么、怎样解决的</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="26"/>
        <source>describe what was committed</source>
        <translation>请填写承诺的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="27"/>
        <source>every site&apos;s time box must be at least one minute</source>
        <translation>每个站点的时长至少为 1 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="28"/>
        <source>field {field} is longer than {limit} characters</source>
        <translation>字段 {field} 超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="29"/>
        <source>follow-up {id} does not exist</source>
        <translation>督办事项 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="30"/>
        <source>give the server address, e.g. 127.0.0.1:8765</source>
        <translation>请填写服务器地址，例如 127.0.0.1:8765</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="31"/>
        <source>has {got} fields, the header has {expected}</source>
        <translation>有 {got} 个字段，表头有 {expected} 个</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="32"/>
        <source>line {line}: a STUN server takes no user name</source>
        <translation>第 {line} 行：STUN 服务器不需要用户名</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="33"/>
        <source>line {line}: a TURN server needs a user name and a password</source>
        <translation>第 {line} 行：TURN 服务器需要用户名和密码</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="34"/>
        <source>line {line}: port {port} must be a number from 1 to 65535</source>
        <translation>第 {line} 行：端口 {port} 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="35"/>
        <source>line {line}: “{host}” is not a valid host</source>
        <translation>第 {line} 行：“{host}”不是有效的主机</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="36"/>
        <source>line {line}: “{url}” must start with stun:, turn: or turns:</source>
        <translation>第 {line} 行：“{url}”必须以 stun:、turn: 或 turns: 开头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="37"/>
        <source>missing required column “{required}”</source>
        <translation>缺少必需的列“{required}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="38"/>
        <source>minutes sent back can be approved once their notes have been corrected</source>
        <translation>纪要已退回，记录修改后才能批准</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="41"/>
        <source>more than {limit} rows; split the file</source>
        <translation>超过 {limit} 行，请拆分文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="42"/>
        <source>not a readable CSV file: {error}</source>
        <translation>不是可读取的 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="43"/>
        <source>not a readable CSV row: {error}</source>
        <translation>不是可读取的 CSV 行：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="44"/>
        <source>only a claimed follow-up can be marked as responded</source>
        <translation>只有已认领的督办事项才能标记为已答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="45"/>
        <source>only a claimed or responded follow-up can be solved</source>
        <translation>只有已认领或已答复的督办事项才能办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="46"/>
        <source>only an open follow-up can be claimed</source>
        <translation>只有待办的督办事项才能认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="47"/>
        <source>phone number “{phone}” of {name} is not valid</source>
        <translation>{name} 的电话号码“{phone}”无效</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="48"/>
        <source>question {id} does not exist</source>
        <translation>问题 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="49"/>
        <source>say what has been done so far</source>
        <translation>请写明目前的办理情况</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="50"/>
        <source>say what must change when sending minutes back</source>
        <translation>退回纪要时请写明需要修改的内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="51"/>
        <source>say which unit takes this follow-up</source>
        <translation>请写明由哪个单位负责此督办事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="52"/>
        <source>say who takes this follow-up: a named person in the unit</source>
        <translation>请写明认领人：责任单位中的具体人员</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="53"/>
        <source>say why the follow-up is reopened</source>
        <translation>请写明重新办理的原因</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="54"/>
        <source>session {id} does not exist</source>
        <translation>连线 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="55"/>
        <source>site {id} does not exist</source>
        <translation>站点 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="56"/>
        <source>site {site} is not in session {session}</source>
        <translation>站点 {site} 不在连线 {session} 中</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="57"/>
        <source>the date to claim by must not be after the date to respond by</source>
        <translation>认领期限不能晚于答复期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="58"/>
        <source>the date to claim by must not be after the date to solve by</source>
        <translation>认领期限不能晚于办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="59"/>
        <source>the date to respond by must not be after the date to solve by</source>
        <translation>答复期限不能晚于办结期限</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="60"/>
        <source>the file has a header but no sites</source>
        <translation>文件只有表头，没有站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="61"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="62"/>
        <source>the new order must list every agenda item of the site once</source>
        <translation>新顺序必须列出该站点的每个议程项且仅一次</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="63"/>
        <source>the port of the server address is not valid</source>
        <translation>服务器地址中的端口无效</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="64"/>
        <source>the reminder must come 0 to {limit} minutes before</source>
        <translation>提醒时间必须是提前 0 到 {limit} 分钟</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="65"/>
        <source>the server address has no path; remove “{path}”</source>
        <translation>服务器地址不应包含路径，请删除“{path}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="66"/>
        <source>the server address must start with http, https, ws or wss</source>
        <translation>服务器地址必须以 http、https、ws 或 wss 开头</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="67"/>
        <source>the site has no name</source>
        <translation>站点没有名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="68"/>
        <source>this site appears in sessions or notes; archive it instead of deleting it</source>
        <translation>该站点出现在连线或记录中，请归档而不是删除</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="71"/>
        <source>this follow-up is already open</source>
        <translation>该督办事项已是待办状态</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="72"/>
        <source>unknown column(s): {unknown}; expected {expected}</source>
        <translation>未知的列：{unknown}；应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="73"/>
        <source>unknown status filter “{status}”</source>
        <translation>未知的状态筛选“{status}”</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="74"/>
        <source>{file} is larger than 5 MB; split it into smaller files</source>
        <translation>{file} 超过 5 MB，请拆分成较小的文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="75"/>
        <source>{file} is neither UTF-8 nor GB18030 text</source>
        <translation>{file} 既不是 UTF-8 也不是 GB18030 文本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="76"/>
        <source>{file} is not a text file; save it as CSV first</source>
        <translation>{file} 不是文本文件，请先另存为 CSV</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="77"/>
        <source>{path} exists and is not an Outreach demo database; choose another --db</source>
        <translation>{path} 已存在且不是连线演示数据库，请选择其他 --db</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="80"/>
        <source>{path} holds real data, not a demo; choose another file for --demo --db</source>
        <translation>{path} 存有真实数据而非演示数据，请为 --demo --db 选择其他文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="83"/>
        <source>{path} is not a usable Outreach database: {error}</source>
        <translation>{path} 不是可用的连线数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="84"/>
        <source>“{address}” is not a valid address</source>
        <translation>“{address}”不是有效的地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="85"/>
        <source>“{host}” is not a valid host name or address</source>
        <translation>“{host}”不是有效的主机名或地址</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="86"/>
        <source>“{name}” is also on line {other_line}</source>
        <translation>“{name}”也出现在第 {other_line} 行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="88"/>
        <source>a JSON file must hold a list of demands, each in braces</source>
        <translation>JSON 文件应是诉求列表，每条诉求用花括号括起来</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="89"/>
        <source>each demand must be an object with date, site, channel and text</source>
        <translation>每条诉求应是包含 date、site、channel 和 text 的对象</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="92"/>
        <source>field {field} must be text in quotes</source>
        <translation>字段 {field} 应是带引号的文本</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="93"/>
        <source>no site is called “{area}” or lies there</source>
        <translation>没有名为“{area}”或位于该地区的站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="94"/>
        <source>not valid JSON: {error}</source>
        <translation>不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="95"/>
        <source>the date {value} is in the future</source>
        <translation>日期 {value} 晚于今天</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="96"/>
        <source>the demand has no channel (such as Ask Politics)</source>
        <translation>诉求缺少栏目（如“问政”）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="97"/>
        <source>the demand has no site or area</source>
        <translation>诉求缺少站点或地区</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="98"/>
        <source>the demand has no text</source>
        <translation>诉求缺少内容</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="99"/>
        <source>the file has a header but no demands</source>
        <translation>文件只有表头，没有诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="100"/>
        <source>the file holds no demands</source>
        <translation>文件中没有诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="101"/>
        <source>{file} is not a text file; save it as CSV or JSON first</source>
        <translation>{file} 不是文本文件，请先另存为 CSV 或 JSON</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="102"/>
        <source>“{area}” fits several sites ({sites}); write the site&apos;s name</source>
        <translation>“{area}”对应多个站点（{sites}），请写明站点名称</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="103"/>
        <source>“{value}” is not a date; write it like 2026-11-03</source>
        <translation>“{value}”不是日期，请写成 2026-11-03 的格式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="104"/>
        <source>“{value}” is not a valid date</source>
        <translation>“{value}”不是有效日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="106"/>
        <source>a passphrase cannot contain a NUL character</source>
        <translation>口令不能包含 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="107"/>
        <source>a passphrase needs at least {count} characters</source>
        <translation>口令至少需要 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="108"/>
        <source>cannot convert {path}: {error}; the database is unchanged</source>
        <translation>无法转换 {path}：{error}；数据库未作改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="109"/>
        <source>cannot create the backup folder {folder}: {error}</source>
        <translation>无法创建备份文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="110"/>
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="111"/>
        <source>cannot restore into {path}: {error}; the database is unchanged</source>
        <translation>无法恢复到 {path}：{error}；数据库未作改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="112"/>
        <source>cannot write the backup to {folder}: {error}</source>
        <translation>无法将备份写入 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="113"/>
        <source>encryption needs the sqlcipher3 package, which is not installed</source>
        <translation>加密功能需要 sqlcipher3 软件包，但尚未安装</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="116"/>
        <source>the converted copy of {path} failed its check; the database is unchanged</source>
        <translation>{path} 转换后的副本未通过检查；数据库未作改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="119"/>
        <source>the passphrase does not open {path} (or it is not an Outreach database)</source>
        <translation>该口令无法打开 {path}（或者它不是 Outreach 数据库）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="122"/>
        <source>the passphrase does not open {path}, or it is not an Outreach backup</source>
        <translation>该口令无法打开 {path}，或者它不是 Outreach 备份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="125"/>
        <source>the restored database does not open ({error}); the database is unchanged</source>
        <translation>恢复后的数据库无法打开（{error}）；数据库未作改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="128"/>
        <source>there is no database at {path} to back up</source>
        <translation>{path} 处没有可备份的数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="129"/>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} 是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="130"/>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} 不存在或不是文件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="131"/>
        <source>{path} is a database, but not an Outreach database</source>
        <translation>{path} 是数据库，但不是 Outreach 数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="132"/>
        <source>{path} is damaged or not a database: {error}</source>
        <translation>{path} 已损坏或不是数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="133"/>
        <source>{path} is damaged: {problem}</source>
        <translation>{path} 已损坏：{problem}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="134"/>
        <source>{path} is empty: not an Outreach backup</source>
        <translation>{path} 是空文件：不是 Outreach 备份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="135"/>
        <source>{path} is encrypted (then give its passphrase) or not a database at all</source>
        <translation>{path} 已加密（请提供其口令），或者根本不是数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="138"/>
        <source>{path} is encrypted: its passphrase is needed</source>
        <translation>{path} 已加密：需要其口令</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="139"/>
        <source>{path} is not a database: {error}</source>
        <translation>{path} 不是数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="140"/>
        <source>{path} is not a plain Outreach database</source>
        <translation>{path} 不是未加密的 Outreach 数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="141"/>
        <source>{path} is not encrypted</source>
        <translation>{path} 未加密</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="142"/>
        <source>{path} is open in another program; quit Outreach, then restore</source>
        <translation>{path} 正被其他程序打开；请退出 Outreach 后再恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="143"/>
        <source>{path} is open in another program; quit Outreach, then try again</source>
        <translation>{path} 正被其他程序打开；请退出 Outreach 后重试</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="146"/>
        <source>{path} is the database itself, not a backup of it</source>
        <translation>{path} 就是数据库本身，而不是它的备份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="147"/>
        <source>{path} was made by a newer version of Outreach; update the app to restore it</source>
        <translation>{path} 由更新版本的 Outreach 生成；请先升级应用再恢复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="151"/>
        <source>cannot create a database at {path}: {error}</source>
        <translation>无法在 {path} 新建数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="152"/>
        <source>there is no database at {path}</source>
        <translation>{path} 处没有数据库</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="153"/>
        <source>{path} is an empty file, not an Outreach database; it was left as it is</source>
        <translation>{path} 是空文件，不是连线数据库；文件未作任何改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="156"/>
        <source>{path} is an SQLite database but not an Outreach database; it was left as it is</source>
        <translation>{path} 是 SQLite 数据库，但不是连线数据库；文件未作任何改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="160"/>
        <source>{path} is another program&apos;s database (it holds {tables}), not an Outreach database; it was left as it is</source>
        <translation>{path} 是其他程序的数据库（含有 {tables}），不是连线数据库；文件未作任何改动</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="165"/>
        <source>{path} was made by a newer version of Outreach; update the app to open it (the file was left as it is)</source>
        <translation>{path} 由更新版本的连线创建，请先升级本程序再打开（文件未作任何改动）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="171"/>
        <source>only a month that has ended can be closed ({month})</source>
        <translation>只有已结束的月份才能发布锁定（{month}）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="172"/>
        <source>say why the month is reopened</source>
        <translation>请说明重新开放该月的原因</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="173"/>
        <source>{month} is closed already</source>
        <translation>{month} 已发布锁定</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="174"/>
        <source>{month} is not closed</source>
        <translation>{month} 未发布锁定</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="176"/>
        <source>message {id} is also on line {other_line}</source>
        <translation>留言 {id} 也出现在第 {other_line} 行</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="177"/>
        <source>the status is “{status}” but {field} is given</source>
        <translation>办理状态为“{status}”，却填写了{field}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="178"/>
        <source>the status “{status}” needs {field}</source>
        <translation>办理状态“{status}”需要填写{field}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="179"/>
        <source>the times must run in order: claimed, responded, solved</source>
        <translation>时间须按认领、答复、办结的先后顺序</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="180"/>
        <source>{field} ({value}) is before the demand was received</source>
        <translation>{field}（{value}）早于诉求受理日期</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="181"/>
        <source>{field} is given without {time}</source>
        <translation>填写了{field}，却没有{time}</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/message_catalog.py" line="182"/>
        <source>“{value}” is not a status; write open, claimed, responded or solved (or 待认领, 已认领, 已答复, 已办结)</source>
        <translation>“{value}”不是办理状态；请填写待认领、已认领、已答复或已办结（或 open、claimed、responded、solved）</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="35"/>
        <source>New &amp;question</source>
        <translation>新问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="41"/>
        <source>Send a &amp;notice to sites…</source>
        <translation>给站点发通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="47"/>
        <source>Start or join &amp;call</source>
        <translation>开始或加入通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/notes/page.py" line="29"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="34"/>
        <source>&amp;Search notes</source>
        <translation>搜索记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="37"/>
        <source>Search the notes of every session (Ctrl+F)</source>
        <translation>搜索所有连线的记录（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="40"/>
        <source>&amp;Export minutes…</source>
        <translation>导出纪要(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="43"/>
        <source>Save the open minutes as PDF or Word (Ctrl+E)</source>
        <translation>将打开的纪要保存为 PDF 或 Word 文档（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/review/page.py" line="29"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="35"/>
        <source>&amp;New session</source>
        <translation>新建连线(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="41"/>
        <source>Save &amp;invitations as .ics…</source>
        <translation>保存邀请为 .ics 文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="45"/>
        <source>Save the open session&apos;s invitations as calendar files (Ctrl+Shift+J)</source>
        <translation>将当前连线的邀请保存为日历文件（Ctrl+Shift+J）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/schedule/page.py" line="29"/>
        <source>Sessions</source>
        <translation>连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="35"/>
        <source>New &amp;site</source>
        <translation>新建站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="41"/>
        <source>&amp;Import sites from CSV…</source>
        <translation>从 CSV 导入站点(&amp;I)……</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/sites/page.py" line="29"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/page.py" line="34"/>
        <source>Import &amp;demands…</source>
        <translation>导入群众诉求(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/page.py" line="38"/>
        <source>Add demands residents posted on a message board (CSV or JSON)</source>
        <translation>添加群众在留言板上反映的诉求（CSV 或 JSON）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/page.py" line="43"/>
        <source>&amp;Export statistics…</source>
        <translation>导出统计(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/page.py" line="29"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/page.py" line="34"/>
        <source>&amp;Find follow-ups</source>
        <translation>查找督办事项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/page.py" line="37"/>
        <source>Filter the follow-up board by words (Ctrl+Shift+F)</source>
        <translation>按关键词筛选督办看板（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/follow_ups/page.py" line="29"/>
        <source>Follow-ups</source>
        <translation>督办事项</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../outreach_app/ui/widgets/messages.py" line="94"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
</context>
<context>
    <name>statistics</name>
    <message>
        <location filename="../../outreach_app/ui/statistics/export.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="44"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="45"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="269"/>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="46"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="270"/>
        <source>Responded</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="47"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="271"/>
        <source>Solved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="48"/>
        <source>Responded or solved</source>
        <translation>答复或办结</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="49"/>
        <source>Claim rate</source>
        <translation>认领率</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="50"/>
        <source>On-time rate</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="51"/>
        <source>Solve rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="57"/>
        <source>Demands received in the period: imported or committed in a session</source>
        <translation>本期受理的诉求：导入的留言或连线中承诺办理的事项</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="60"/>
        <source>Demands a person of the responsible unit claimed in the period</source>
        <translation>本期由责任单位人员认领的诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="63"/>
        <source>Demands the unit responded to in the period</source>
        <translation>本期责任单位已答复的诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="66"/>
        <source>Demands solved in the period</source>
        <translation>本期办结的诉求</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="67"/>
        <source>Demands responded to or solved in the period, each counted once (the measure message boards publish)</source>
        <translation>本期内得到答复或已办结的诉求，每条只计一次（留言板公布的口径）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="72"/>
        <source>Of the demands received in the period, the share claimed by its end</source>
        <translation>本期受理的诉求中，到期末已认领的比例</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="75"/>
        <source>Of the demands solved in the period, the share solved by their due date (no due date counts as on time)</source>
        <translation>本期办结的诉求中，在期限内办结的比例（未设期限的视为按期）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="80"/>
        <source>Of the demands received in the period, the share solved by its end</source>
        <translation>本期受理的诉求中，到期末已办结的比例</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="89"/>
        <source>%1 (same as %2)</source>
        <translation>%1（与%2重合）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="98"/>
        <source>People who claimed</source>
        <translation>认领领导人数</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="99"/>
        <source>Units with a claim</source>
        <translation>有认领的单位</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="100"/>
        <source>Share of units with a claim</source>
        <translation>有认领的单位占比</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="106"/>
        <source>Different people (leaders) who claimed demands in the period</source>
        <translation>本期内认领过诉求的不同人员（领导）人数</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="109"/>
        <source>Units (the regions of the office&apos;s sites; a site without one is its own) where at least one demand was claimed in the period</source>
        <translation>本期内至少认领过一条诉求的单位（以站点所在地区为单位，未填地区的站点各自算一个单位）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="114"/>
        <source>Of the office&apos;s units (the regions of its sites in use), the share where at least one demand was claimed in the period</source>
        <translation>在本单位所辖各单位（在用站点所在的地区）中，本期内至少认领过一条诉求的单位所占比例</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="135"/>
        <source>Every figure is counted from each demand&apos;s history: a reopen, a correction or an import later never changes an earlier month. A closed month shows the figures it was published with; what the record counts for it later, if different, is listed as a dated revision beside them.</source>
        <translation>每项数据都按每条诉求的办理历程统计：之后的重新打开、更正或导入都不会改变之前月份的数据。已发布锁定的月份显示发布时的数据；之后记录中的统计如有出入，作为注明日期的修订列在旁边。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="145"/>
        <source>From January to the last month shown, each demand counted once, against the same months a year earlier</source>
        <translation>自1月起至所示最后一个月，每条诉求只计一次，与上年同期相比</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="156"/>
        <source>%1 of %2 solved</source>
        <translation>办结 %2 件中 %1 件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="158"/>
        <source>%1 of %2 received</source>
        <translation>受理 %2 件中 %1 件</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="173"/>
        <source>%1 also count demands received before the period; the claim and solve rates count only the %2 received in it.</source>
        <translation>“%1”也计入本期之前受理的诉求；认领率和办结率只按本期受理的 %2 件计算。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="178"/>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="186"/>
        <source>Claims by leaders: claimants %1 · units with a claim %2 of %3 (%4) · claim rate %5</source>
        <translation>领导认领：认领人 %1 · 有认领的单位 %2 / %3（%4）· 认领率 %5</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="205"/>
        <source>Closed: published on %1 by %2. These are the figures as published.</source>
        <translation>已锁定：%2 于 %1 发布。以下为发布时的数据。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="211"/>
        <source>Not closed: the figures are counted from the record and may still change.</source>
        <translation>未锁定：数据按当前记录统计，仍可能变化。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="221"/>
        <source>Published on %1 by %2.</source>
        <translation>%2 于 %1 发布。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="227"/>
        <source>Reopened on %1 by %2: %3</source>
        <translation>%2 于 %1 重新开放：%3</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="238"/>
        <source>Revision as of %1: the record now counts this month differently from its publication (the published figures stay as they were):</source>
        <translation>截至 %1 的修订：当前记录对本月的统计与发布时不同（已发布的数据保持不变）：</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="246"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="248"/>
        <source>%1, year to date: %2 → %3</source>
        <translation>%1（年内累计）：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="257"/>
        <source>Some demands are now counted under another channel, category, site or kind.</source>
        <translation>部分诉求现在归入了其他栏目、类别、站点或连线形式。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="268"/>
        <source>Still open</source>
        <translation>待认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="277"/>
        <source>By channel</source>
        <translation>按栏目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="278"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="279"/>
        <source>By site</source>
        <translation>按站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="280"/>
        <source>By session kind</source>
        <translation>按连线形式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="286"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="287"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="288"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="289"/>
        <source>Session kind</source>
        <translation>连线形式</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="295"/>
        <source>Sessions</source>
        <translation>视频连线</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="297"/>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="300"/>
        <source>Imported (no session)</source>
        <translation>导入（非连线）</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="336"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="387"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="354"/>
        <source>%1 %2 pp</source>
        <translation>%1 %2 个百分点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="364"/>
        <source>no figure to compare with %1</source>
        <translation>%1 无可比数据</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="369"/>
        <source>%1 percentage points</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="374"/>
        <source>up %1 on %2</source>
        <translation>比 %2 上升 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="376"/>
        <source>down %1 on %2</source>
        <translation>比 %2 下降 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="378"/>
        <source>unchanged on %2</source>
        <translation>与 %2 持平</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="397"/>
        <source>Compared with %1 and with %2 a year earlier.</source>
        <translation>环比 %1，同比 %2。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="402"/>
        <source>Counted to %1: a period not over yet is not compared with whole months.</source>
        <translation>统计截至 %1：期间尚未结束，不与完整月份比较。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="430"/>
        <source>Demand statistics</source>
        <translation>群众诉求统计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="433"/>
        <source>Made on %1 by Outreach</source>
        <translation>Outreach 生成于 %1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="438"/>
        <source>Change on previous period</source>
        <translation>环比变化</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="439"/>
        <source>Change year on year</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="440"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="441"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="442"/>
        <source>At period end: %1</source>
        <translation>期末：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="444"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="480"/>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="445"/>
        <source>Received, claimed and solved, month by month: %1</source>
        <translation>逐月受理、认领和办结情况：%1</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="448"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="449"/>
        <source>Where the demands received stood at the end of the period</source>
        <translation>本期受理诉求在期末的办理进度</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="452"/>
        <source>How the figures are counted</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="455"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="461"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="466"/>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="467"/>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="512"/>
        <source>Year to date</source>
        <translation>年内累计</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="469"/>
        <source>Changes of counts are percentages of the earlier figure; changes of rates are in percentage points (pp). Both are rounded to two decimals.</source>
        <translation>数量的变化为相对比较期的百分比；比率的变化以百分点计。均保留两位小数。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="476"/>
        <source>No demands were received, claimed, responded to or solved in this period.</source>
        <translation>本期没有受理、认领、答复或办结的诉求。</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="481"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="482"/>
        <source>pp</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="494"/>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="496"/>
        <source>Claims by leaders</source>
        <translation>领导认领</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="500"/>
        <source>%1 of %2</source>
        <translation>%2 个中的 %1 个</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/labels.py" line="505"/>
        <source>Year to date: %1, against %2</source>
        <translation>年内累计：%1，对比 %2</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/view.py" line="620"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../outreach_app/ui/statistics/charts.py" line="148"/>
        <source>%1&lt;br&gt;(so far)</source>
        <translation>%1&lt;br&gt;（至今）</translation>
    </message>
</context>
</TS>
