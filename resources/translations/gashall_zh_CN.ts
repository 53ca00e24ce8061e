<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDetailView</name>
    <message>
        <source>No account opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, then press Enter on a result to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in full (logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premises address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full ID number and phones; the viewing is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installed {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installation date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: {kind}, {digits} digits
{installed}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S or Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Shown masked. Leave it to keep the stored number, or type the whole new number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area code-number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID t&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall-hung heating boiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-income household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gas use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Household size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter n&amp;o.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register &amp;digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountLabels</name>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-term non-use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IC card, volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IC card, money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>&amp;New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no., meter no., phone or its last 4 digits, name, or address — then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {count} accounts — refine the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GasHall - database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up GasHall first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>First setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked the idle screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic accounts added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data viewed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>an entry is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the link to the entry before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries at the end are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User, action or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest {n} entries; narrow the search to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the chain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is intact: {n} entries checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entry {seq} is broken ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>GasHall - unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that GasHall did not expect. What you just did may not have been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to {log}. If this happens again, tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit GasHall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopSettingsDialog</name>
    <message>
        <source>This desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language shows the next time GasHall starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to GasHall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is empty. How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample hall with customer accounts and three users to try GasHall out: admin / admin123, manager / manager123, clerk / clerk123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator logs in as &quot;admin&quot; and adds the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demo data... this takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HallSettingsPage</name>
    <message>
        <source>Hall settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Mon-Sat 8:30-17:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>GasHall is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({role}) is logged in at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out to continue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>GasHall - Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GasHall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas service hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GasHall - {hall}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About GasHall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GasHall {version}
The desktop program of a gas utility&apos;s service hall.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the street of the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password. {left} attempts left before the account locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has been disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. The user is locked for {minutes} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A residential account uses gas for cooking or heating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The idle lock must be between 1 and {max} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the hall&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household size must be between 1 and {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number contains an impossible date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit is wrong; please check each digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register digits must be between 3 and 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A meter number has up to 32 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the meter number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meter number belongs to another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount in yuan with at most two decimals, e.g. 125.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may have at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password must contain both letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline such as 0769-22123456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is already set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a GasHall backup or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy. Wait a moment and try again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reopen it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would duplicate an existing record; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of GasHall. Install that version; the database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database folder cannot be created or written: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is on a network share. Several desktops share one database through PostgreSQL, never through a shared file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL tool {detail} is not installed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written to. Check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is old; please update GasHall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is too old for GasHall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library lacks full-text search (FTS5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached. Check the network or the server; what you typed is kept, try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot change your own role or disable yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login name has 3 to 32 letters, digits, dots or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This login name is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for {name} ({login}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
