<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDetailView</name>
    <message>
        <source>No account opened</source>
        <translation>未打开客户档案</translation>
    </message>
    <message>
        <source>Search, then press Enter on a result to open it.</source>
        <translation>请先查询，在结果上按回车键打开档案。</translation>
    </message>
    <message>
        <source>Show in &amp;full</source>
        <translation>显示完整信息(&amp;F)</translation>
    </message>
    <message>
        <source>Shown in full (logged)</source>
        <translation>已显示完整信息（已记录）</translation>
    </message>
    <message>
        <source>Premises address</source>
        <translation>用气地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用气信息</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Gas use</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Low income</source>
        <translation>低保/低收入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Route book</source>
        <translation>抄表本</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Show the full ID number and phones; the viewing is written to the audit log.</source>
        <translation>显示完整的证件号码和电话；查看操作将记入审计日志。</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}：</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>表具信息</translation>
    </message>
    <message>
        <source>installed {date}</source>
        <translation>{date} 安装</translation>
    </message>
    <message>
        <source>installation date unknown</source>
        <translation>安装日期不详</translation>
    </message>
    <message>
        <source>{number}: {kind}, {digits} digits
{installed}, {status}</source>
        <translation>{number}：{kind}，{digits} 位
{installed}，{status}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建客户档案</translation>
    </message>
    <message>
        <source>Edit account {number}</source>
        <translation>修改客户档案（户号 {number}）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S or Enter)</source>
        <translation>保存（Ctrl+S 或回车）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Shown masked. Leave it to keep the stored number, or type the whole new number.</source>
        <translation>已脱敏显示。不修改则保留原号码；如需更改，请输入完整的新号码。</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <source>Area code-number</source>
        <translation>区号-号码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>客户名称(&amp;N)</translation>
    </message>
    <message>
        <source>ID t&amp;ype</source>
        <translation>证件类型(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation>街道(&amp;T)</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Wall-hung heating boiler</source>
        <translation>壁挂炉采暖</translation>
    </message>
    <message>
        <source>Low-income household</source>
        <translation>低保/低收入家庭</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用气信息</translation>
    </message>
    <message>
        <source>&amp;User type</source>
        <translation>客户类型(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Gas use</source>
        <translation>用气类型(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Household size</source>
        <translation>家庭人口(&amp;H)</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Low income</source>
        <translation>低保/低收入</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Route book</source>
        <translation>抄表本(&amp;R)</translation>
    </message>
    <message>
        <source>Yes, on</source>
        <translation>是，安装于</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表具信息</translation>
    </message>
    <message>
        <source>Meter n&amp;o.</source>
        <translation>表号(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>表具类型(&amp;K)</translation>
    </message>
    <message>
        <source>Register &amp;digits</source>
        <translation>表位数(&amp;D)</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>表具状态</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}：</translation>
    </message>
</context>
<context>
    <name>AccountLabels</name>
    <message>
        <source>Not started</source>
        <translation>未开栓</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停用气</translation>
    </message>
    <message>
        <source>Long-term non-use</source>
        <translation>长期不用</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>拆除</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居民</translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation>炊事</translation>
    </message>
    <message>
        <source>Boiler</source>
        <translation>锅炉</translation>
    </message>
    <message>
        <source>Public service</source>
        <translation>公益</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商服</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>普表（机械表）</translation>
    </message>
    <message>
        <source>IC card, volume</source>
        <translation>IC卡气量表</translation>
    </message>
    <message>
        <source>IC card, money</source>
        <translation>IC卡金额表</translation>
    </message>
    <message>
        <source>Remote reading</source>
        <translation>远传表</translation>
    </message>
    <message>
        <source>Runs slow</source>
        <translation>表慢</translation>
    </message>
    <message>
        <source>Runs fast</source>
        <translation>表快</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>死表</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>&amp;New account</source>
        <translation>新建档案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <source>Account no., meter no., phone or its last 4 digits, name, or address — then Enter</source>
        <translation>户号、表号、电话或电话后4位、客户名称或地址，然后按回车</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>查询客户</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>More than {count} accounts — refine the search</source>
        <translation>超过 {count} 户，请缩小查询范围</translation>
    </message>
    <message>
        <source>No account found</source>
        <translation>未找到客户</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>共 1 户</translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation>共 {count} 户</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Number {number}, please go to counter {counter}</source>
        <translation>请{number}号到{counter}号窗口办理</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database...</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>GasHall - database</source>
        <translation>燃气营业厅 - 数据库</translation>
    </message>
    <message>
        <source>Set up GasHall first.</source>
        <translation>请先完成燃气营业厅的初始设置。</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>First setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Locked after failed logins</source>
        <translation>登录失败次数过多，已锁定</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Unlocked the idle screen</source>
        <translation>解除空闲锁屏</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Synthetic accounts added</source>
        <translation>添加模拟客户档案</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Hall settings changed</source>
        <translation>修改营业厅设置</translation>
    </message>
    <message>
        <source>Account opened</source>
        <translation>开户</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>修改客户档案</translation>
    </message>
    <message>
        <source>Queue category saved</source>
        <translation>保存排队业务类型</translation>
    </message>
    <message>
        <source>Queue settings saved</source>
        <translation>保存排队设置</translation>
    </message>
    <message>
        <source>Personal data viewed</source>
        <translation>查看个人信息</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>an entry is missing</source>
        <translation>缺少一条记录</translation>
    </message>
    <message>
        <source>its link to the entry before does not match</source>
        <translation>与上一条记录的链接不符</translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation>记录内容被修改</translation>
    </message>
    <message>
        <source>entries at the end are missing</source>
        <translation>末尾的记录缺失</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>User, action or subject</source>
        <translation>用户、操作或对象</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The newest {n} entries; narrow the search to see older ones.</source>
        <translation>仅显示最新的 {n} 条记录；缩小查询范围可查看更早的记录。</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条记录</translation>
    </message>
    <message>
        <source>Checking the chain...</source>
        <translation>正在校验日志链…</translation>
    </message>
    <message>
        <source>The audit log is intact: {n} entries checked.</source>
        <translation>审计日志完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entry {seq} is broken ({reason}).</source>
        <translation>审计日志已被篡改：第 {seq} 条记录异常（{reason}）。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>CategoryButton</name>
    <message>
        <source>{count} waiting, about {minutes} min</source>
        <translation>等待 {count} 人，约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>等待 {count} 人</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Add queue category</source>
        <translation>新增业务类型</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>修改业务类型</translation>
    </message>
    <message>
        <source>Tickets of this category are numbered A001, A002, ...</source>
        <translation>该业务的号码依次为 A001、A002…</translation>
    </message>
    <message>
        <source>e.g. Payments</source>
        <translation>例如：缴费</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. 1-3, 5</source>
        <translation>例如：1-3, 5</translation>
    </message>
    <message>
        <source>Tickets can be taken</source>
        <translation>可取号</translation>
    </message>
    <message>
        <source>Ticket letter</source>
        <translation>号码字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>业务名称</translation>
    </message>
    <message>
        <source>Service time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Counters serving it</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>业务名称</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Transfer...</source>
        <translation>转移…</translation>
    </message>
    <message>
        <source>Pause counter</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>{number} finished.</source>
        <translation>{number} 已办结。</translation>
    </message>
    <message>
        <source>{number} marked as no-show.</source>
        <translation>{number} 已过号。</translation>
    </message>
    <message>
        <source>{number} transferred.</source>
        <translation>{number} 已转移。</translation>
    </message>
    <message>
        <source>Resume counter</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <source>Current ticket</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <source>On a break</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Time at the counter</source>
        <translation>办理计时</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Waiting for this counter: {count}</source>
        <translation>本窗口等待人数：{count}</translation>
    </message>
    <message>
        <source>{category} · green channel</source>
        <translation>{category} · 绿色通道</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>暂无客户</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Called · recalls: {count}</source>
        <translation>已叫号 · 已重呼 {count} 次</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Over the {minutes}-minute time limit</source>
        <translation>已超过 {minutes} 分钟办理时限</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>GasHall - unexpected error</source>
        <translation>燃气营业厅 - 意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that GasHall did not expect. What you just did may not have been saved.</source>
        <translation>燃气营业厅发生了意外错误，刚才的操作可能没有保存。</translation>
    </message>
    <message>
        <source>the console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>The details were written to {log}. If this happens again, tell IT.</source>
        <translation>详细信息已写入 {log}。如再次出现，请联系信息部门。</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>Quit GasHall</source>
        <translation>退出程序</translation>
    </message>
</context>
<context>
    <name>DesktopSettingsDialog</name>
    <message>
        <source>This desktop</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language shows the next time GasHall starts.</source>
        <translation>更改的语言将在下次启动燃气营业厅时生效。</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
</context>
<context>
    <name>DisplayBoardWindow</name>
    <message>
        <source>Display board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>System fault, please wait</source>
        <translation>系统故障，请稍候</translation>
    </message>
    <message>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>Latest call at each counter</source>
        <translation>各窗口最近叫号</translation>
    </message>
    <message>
        <source>{number} → Counter {counter}</source>
        <translation>{number} → {counter}号窗口</translation>
    </message>
    <message>
        <source>Counter {counter}</source>
        <translation>{counter}号窗口</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to GasHall</source>
        <translation>欢迎使用燃气营业厅</translation>
    </message>
    <message>
        <source>The database is empty. How do you want to start?</source>
        <translation>数据库为空。请选择启动方式：</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>A sample hall with customer accounts and three users to try GasHall out: admin / admin123, manager / manager123, clerk / clerk123.</source>
        <translation>一个含客户档案和三个用户的示例营业厅，供试用燃气营业厅：admin / admin123、manager / manager123、clerk / clerk123。</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Password of admin</source>
        <translation>admin 的密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The administrator logs in as &quot;admin&quot; and adds the staff.</source>
        <translation>系统管理员以“admin”登录，再添加其他工作人员。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Loading demo data... this takes a moment.</source>
        <translation>正在加载演示数据…请稍候。</translation>
    </message>
</context>
<context>
    <name>HallSettingsPage</name>
    <message>
        <source>Hall settings</source>
        <translation>营业厅设置</translation>
    </message>
    <message>
        <source>e.g. Mon-Sat 8:30-17:30</source>
        <translation>例如：周一至周六 8:30-17:30</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <source>Lock the screen after idle</source>
        <translation>空闲自动锁屏</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Please choose your business</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Green channel (staff)</source>
        <translation>绿色通道（工作人员）</translation>
    </message>
    <message>
        <source>Staff only: the next ticket goes first (elderly, disabled, pregnant). Ctrl+G</source>
        <translation>仅限工作人员使用：下一张号票优先办理（老年人、残疾人、孕妇）。Ctrl+G</translation>
    </message>
    <message>
        <source>Account number (optional)</source>
        <translation>户号（选填）</translation>
    </message>
    <message>
        <source>Nobody ahead of you</source>
        <translation>前方无人等待</translation>
    </message>
    <message>
        <source>{ahead} ahead of you, about {minutes} minutes</source>
        <translation>前方等待 {ahead} 人，预计约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{ahead} ahead of you</source>
        <translation>前方等待 {ahead} 人</translation>
    </message>
    <message>
        <source>Please take your ticket and watch the display board</source>
        <translation>请取走号票，留意叫号屏</translation>
    </message>
    <message>
        <source>The ticket could not be printed; please remember your number or ask the staff</source>
        <translation>号票未能打印，请记住您的号码或咨询工作人员</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Please ask the staff.</source>
        <translation>抱歉，系统出现问题，请咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>GasHall is locked</source>
        <translation>燃气营业厅已锁定</translation>
    </message>
    <message>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>{name} ({role}) is logged in at this counter.</source>
        <translation>{name}（{role}）已在本窗口登录。</translation>
    </message>
    <message>
        <source>Enter the password to go on.</source>
        <translation>请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Log out to continue.</source>
        <translation>请退出登录后继续。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>GasHall - Log in</source>
        <translation>燃气营业厅 - 登录</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>GasHall</source>
        <translation>燃气营业厅</translation>
    </message>
    <message>
        <source>Gas service hall</source>
        <translation>燃气客户服务系统</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GasHall - {hall}</source>
        <translation>燃气营业厅 - {hall}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Hall settings</source>
        <translation>营业厅设置</translation>
    </message>
    <message>
        <source>Queue setup</source>
        <translation>排队设置</translation>
    </message>
    <message>
        <source>Queue statistics</source>
        <translation>排队统计</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Find account</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Change password...</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>This desktop...</source>
        <translation>本机设置…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About GasHall</source>
        <translation>关于燃气营业厅</translation>
    </message>
    <message>
        <source>Ticket kiosk</source>
        <translation>取号机</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>窗口(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>客户屏(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>GasHall {version}
The desktop program of a gas utility&apos;s service hall.</source>
        <translation>燃气营业厅 {version}
燃气公司营业厅桌面程序。</translation>
    </message>
    <message>
        <source>This window is not available.</source>
        <translation>该客户屏无法打开。</translation>
    </message>
</context>
<context>
    <name>ManagerNoteTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>ManagerNotes</name>
    <message>
        <source>Customer was dissatisfied</source>
        <translation>客户评价不满意</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The account no longer exists.</source>
        <translation>该客户档案已不存在。</translation>
    </message>
    <message>
        <source>Enter the street of the address.</source>
        <translation>请填写地址中的街道。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>This user has been disabled. Ask an administrator.</source>
        <translation>该用户已被停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Too many failed attempts. The user is locked for {minutes} minutes.</source>
        <translation>失败次数过多，该用户已被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {left} attempts left before the user is locked.</source>
        <translation>用户名或密码错误。再错 {left} 次该用户将被锁定。</translation>
    </message>
    <message>
        <source>A residential account must use gas for cooking or heating.</source>
        <translation>居民用户的用气类型只能是炊事或采暖。</translation>
    </message>
    <message>
        <source>The idle lock must be between 1 and {max} minutes.</source>
        <translation>空闲锁屏时间必须在 1 至 {max} 分钟之间。</translation>
    </message>
    <message>
        <source>Enter the hall&apos;s name.</source>
        <translation>请填写营业厅名称。</translation>
    </message>
    <message>
        <source>Household size must be between 1 and {max}.</source>
        <translation>家庭人口必须在 1 至 {max} 人之间。</translation>
    </message>
    <message>
        <source>The ID number contains an impossible date of birth.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit is wrong; please check each digit.</source>
        <translation>身份证号码校验位不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation>身份证号码为 18 位：前 17 位为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>Register digits must be between 3 and 9.</source>
        <translation>表位数必须在 3 至 9 位之间。</translation>
    </message>
    <message>
        <source>A meter number has up to 32 letters and digits.</source>
        <translation>表号最多 32 位，只能包含字母和数字。</translation>
    </message>
    <message>
        <source>Enter the meter number.</source>
        <translation>请填写表号。</translation>
    </message>
    <message>
        <source>This meter number belongs to another account.</source>
        <translation>该表号已属于其他客户。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan with at most two decimals, e.g. 125.50.</source>
        <translation>请输入以元为单位的金额，最多两位小数，例如 125.50。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <source>The name may have at most {max} characters.</source>
        <translation>名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>A password must contain both letters and digits.</source>
        <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>No Chinese font for printing was found. Install Microsoft YaHei, SimSun or WenQuanYi, or choose a font file in the settings.</source>
        <translation>未找到打印用的中文字体。请安装微软雅黑、宋体或文泉驿字体，或在设置中选择字体文件。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline such as 0769-22123456.</source>
        <translation>请输入 11 位手机号码或固定电话，如 0769-22123456。</translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation>请至少填写一个联系电话。</translation>
    </message>
    <message>
        <source>This service has already been rated.</source>
        <translation>本次服务已评价。</translation>
    </message>
    <message>
        <source>This category is closed or no longer exists.</source>
        <translation>该业务类型已停用或不存在。</translation>
    </message>
    <message>
        <source>Enter the category&apos;s name.</source>
        <translation>请填写业务名称。</translation>
    </message>
    <message>
        <source>This counter is on a break. Resume it before calling.</source>
        <translation>本窗口已暂停服务，请先恢复服务再叫号。</translation>
    </message>
    <message>
        <source>Counter numbers go from 1 to {max}.</source>
        <translation>窗口号必须在 1 至 {max} 之间。</translation>
    </message>
    <message>
        <source>Write the counters as numbers separated by commas, e.g. 1, 2, 4 or 1-3.</source>
        <translation>请填写窗口号，以逗号分隔，例如 1, 2, 4 或 1-3。</translation>
    </message>
    <message>
        <source>Finish, transfer or mark the current ticket as no-show first.</source>
        <translation>请先将当前号码办结、转移或过号。</translation>
    </message>
    <message>
        <source>This counter has no ticket called or in service.</source>
        <translation>本窗口没有已叫号或办理中的号码。</translation>
    </message>
    <message>
        <source>The note no longer exists.</source>
        <translation>该事项已不存在。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等待的客户。</translation>
    </message>
    <message>
        <source>The ticket letter is one or two capital letters, e.g. A.</source>
        <translation>号码字母须为一至两个大写字母，例如 A。</translation>
    </message>
    <message>
        <source>Another category already uses this letter.</source>
        <translation>该字母已被其他业务类型使用。</translation>
    </message>
    <message>
        <source>Only a finished service can be rated.</source>
        <translation>只能对已办结的服务进行评价。</translation>
    </message>
    <message>
        <source>The rating pad stays open between {min} and {max} seconds.</source>
        <translation>评价器显示时长必须在 {min} 至 {max} 秒之间。</translation>
    </message>
    <message>
        <source>This number has already been recalled {max} times; mark it as no-show.</source>
        <translation>该号码已重呼 {max} 次，请按过号处理。</translation>
    </message>
    <message>
        <source>Recalls must be between 0 and {max}.</source>
        <translation>重呼次数必须在 0 至 {max} 次之间。</translation>
    </message>
    <message>
        <source>The service time limit must be between 1 and {max} minutes.</source>
        <translation>办理时限必须在 1 至 {max} 分钟之间。</translation>
    </message>
    <message>
        <source>Say why the ticket is transferred.</source>
        <translation>请填写转移原因。</translation>
    </message>
    <message>
        <source>Choose a counter other than this one.</source>
        <translation>请选择本窗口以外的其他窗口。</translation>
    </message>
    <message>
        <source>Choose either a category or a counter to transfer to.</source>
        <translation>请选择要转往的业务类型或窗口。</translation>
    </message>
    <message>
        <source>A call is spoken 1 to {max} times.</source>
        <translation>叫号播报遍数必须在 1 至 {max} 遍之间。</translation>
    </message>
    <message>
        <source>This cannot be done with the ticket in its current state.</source>
        <translation>该号码当前状态下无法执行此操作。</translation>
    </message>
    <message>
        <source>This database is already set up.</source>
        <translation>该数据库已完成初始设置。</translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation>无法创建备份。</translation>
    </message>
    <message>
        <source>This file is not a GasHall backup or it is damaged.</source>
        <translation>该文件不是燃气营业厅的备份文件，或已损坏。</translation>
    </message>
    <message>
        <source>The backup file does not exist.</source>
        <translation>备份文件不存在。</translation>
    </message>
    <message>
        <source>The database is busy. Wait a moment and try again; nothing was lost.</source>
        <translation>数据库正忙，请稍候重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reopen it and try again.</source>
        <translation>此记录已被他人修改，请重新打开后再试。</translation>
    </message>
    <message>
        <source>This would duplicate an existing record; nothing was saved.</source>
        <translation>此操作会产生重复记录，未保存任何内容。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of GasHall. Install that version; the database was not changed.</source>
        <translation>数据库由更新版本的燃气营业厅写入，请安装该版本；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again; nothing was lost.</source>
        <translation>磁盘已满，请清理空间后重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>The database folder cannot be created or written: {detail}</source>
        <translation>无法创建或写入数据库文件夹：{detail}</translation>
    </message>
    <message>
        <source>The database file is on a network share. Several desktops share one database through PostgreSQL, never through a shared file.</source>
        <translation>数据库文件位于网络共享目录。多台电脑共用一个数据库时须使用 PostgreSQL，不能共享数据库文件。</translation>
    </message>
    <message>
        <source>The PostgreSQL tool {detail} is not installed on this computer.</source>
        <translation>本机未安装 PostgreSQL 工具 {detail}。</translation>
    </message>
    <message>
        <source>The database cannot be written to. Check the folder&apos;s permissions.</source>
        <translation>无法写入数据库，请检查文件夹权限。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is old; please update GasHall.</source>
        <translation>本机的 SQLite 库版本较旧，请更新燃气营业厅。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is too old for GasHall.</source>
        <translation>本机的 SQLite 库版本过旧，无法运行燃气营业厅。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library lacks full-text search (FTS5).</source>
        <translation>本机的 SQLite 库不支持全文检索（FTS5）。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check the network or the server; what you typed is kept, try again in a moment.</source>
        <translation>无法连接数据库。请检查网络或服务器；已输入的内容会保留，请稍后重试。</translation>
    </message>
    <message>
        <source>You cannot change your own role or disable yourself.</source>
        <translation>不能修改自己的角色，也不能停用自己。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s full name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>A login name has 3 to 32 letters, digits, dots or underscores.</source>
        <translation>登录名为 3 至 32 位字母、数字、点或下划线。</translation>
    </message>
    <message>
        <source>This login name is already taken.</source>
        <translation>该登录名已被使用。</translation>
    </message>
    <message>
        <source>The user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>QueueFiguresTableModel</name>
    <message>
        <source>Issued</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结数</translation>
    </message>
    <message>
        <source>No-
shows</source>
        <translation>过号数</translation>
    </message>
    <message>
        <source>Wait
avg.</source>
        <translation>等待
平均</translation>
    </message>
    <message>
        <source>Wait
90%</source>
        <translation>等待
90%</translation>
    </message>
    <message>
        <source>Service
avg.</source>
        <translation>办理
平均</translation>
    </message>
    <message>
        <source>Service
90%</source>
        <translation>办理
90%</translation>
    </message>
    <message>
        <source>Over
time</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly
satisfied</source>
        <translation>基本
满意</translation>
    </message>
    <message>
        <source>Not
satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Satisfaction
rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Nine in ten took at most this long (minutes:seconds).</source>
        <translation>九成用时不超过此值（分:秒）。</translation>
    </message>
    <message>
        <source>Called, but the customer did not come.</source>
        <translation>已叫号但客户未到。</translation>
    </message>
    <message>
        <source>Average time from taking the ticket to being called (minutes:seconds).</source>
        <translation>从取号到叫号的平均时长（分:秒）。</translation>
    </message>
    <message>
        <source>Average time from the start to the end of the service (minutes:seconds).</source>
        <translation>从开始办理到办结的平均时长（分:秒）。</translation>
    </message>
    <message>
        <source>Services longer than the category&apos;s time limit.</source>
        <translation>办理时长超过该业务时限的笔数。</translation>
    </message>
    <message>
        <source>Satisfied and fairly satisfied out of all ratings.</source>
        <translation>满意与基本满意占全部评价的比例。</translation>
    </message>
</context>
<context>
    <name>QueueSetupPage</name>
    <message>
        <source>Queue setup</source>
        <translation>排队设置</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Call next takes the oldest waiting ticket of the categories a counter serves, green channel first.</source>
        <translation>叫号时，从本窗口办理的业务类型中叫等待最久的号码，绿色通道优先。</translation>
    </message>
    <message>
        <source>Add category...</source>
        <translation>新增业务类型…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Board, calls and rating</source>
        <translation>叫号屏、叫号与评价</translation>
    </message>
    <message>
        <source>No notice: the board shows none</source>
        <translation>无公告：叫号屏不显示公告</translation>
    </message>
    <message>
        <source>Clear notice</source>
        <translation>清除公告</translation>
    </message>
    <message>
        <source>Take the notice off the board at once</source>
        <translation>立即从叫号屏撤下公告</translation>
    </message>
    <message>
        <source>Notice on the board</source>
        <translation>叫号屏公告</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Recalls before no-show</source>
        <translation>过号前重呼次数</translation>
    </message>
    <message>
        <source>Rating pad open for</source>
        <translation>评价器显示时长</translation>
    </message>
    <message>
        <source>Times each call is spoken</source>
        <translation>叫号播报遍数</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Saved. The board shows the change within a second.</source>
        <translation>已保存。叫号屏将在一秒内更新。</translation>
    </message>
    <message>
        <source>The notice is off the board.</source>
        <translation>公告已从叫号屏撤下。</translation>
    </message>
</context>
<context>
    <name>QueueStatsPage</name>
    <message>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Queue statistics</source>
        <translation>排队统计</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <source>By counter</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <source>Mark as seen</source>
        <translation>标为已阅</translation>
    </message>
    <message>
        <source>Notes for the manager</source>
        <translation>班长待阅事项</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Tickets issued: {n}</source>
        <translation>取号总数：{n}</translation>
    </message>
    <message>
        <source>Not yet seen: {n}</source>
        <translation>未阅：{n} 条</translation>
    </message>
    <message>
        <source>No notes waiting.</source>
        <translation>没有待阅事项。</translation>
    </message>
</context>
<context>
    <name>RatingPad</name>
    <message>
        <source>Service rating</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>Please rate our service</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <source>Ticket {number} · {category}</source>
        <translation>{number}号 · {category}</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <source>This window closes in {seconds} s</source>
        <translation>{seconds} 秒后自动关闭</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({login}).</source>
        <translation>为 {name}（{login}）设置新密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>营业班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>TicketLabels</name>
    <message>
        <source>{ahead} ahead of you</source>
        <translation>前方等待 {ahead} 人</translation>
    </message>
    <message>
        <source>About {minutes} minutes</source>
        <translation>预计等待约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>户号：{account}</translation>
    </message>
    <message>
        <source>Issued: {time}</source>
        <translation>取号时间：{time}</translation>
    </message>
    <message>
        <source>Please watch the display board and listen for your number</source>
        <translation>请留意叫号屏幕和语音提示</translation>
    </message>
    <message>
        <source>Hotline: {hotline}</source>
        <translation>服务热线：{hotline}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket {number}</source>
        <translation>转移号码 {number}</translation>
    </message>
    <message>
        <source>To the category</source>
        <translation>转到业务类型</translation>
    </message>
    <message>
        <source>To the counter</source>
        <translation>转到窗口</translation>
    </message>
    <message>
        <source>Why, e.g. needs the installation desk</source>
        <translation>转移原因，例如：需到报装窗口办理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{number} · {category}</source>
        <translation>{number} · {category}</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Add user...</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重置密码…</translation>
    </message>
</context>
<context>
    <name>WaitingTile</name>
    <message>
        <source>{count} waiting</source>
        <translation>等待 {count} 人</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>约 {minutes} 分钟</translation>
    </message>
</context>
</TS>
