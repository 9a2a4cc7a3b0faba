<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="29" />
        <source>Welcome to Haven</source>
        <extracomment>passphrase, display name, pronouns — all checked already.</extracomment>
        <translation>مرحبًا بك في Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="37" />
        <source>Your journal stays on this computer, encrypted with a passphrase only you know. If you forget it, nobody can recover your entries.</source>
        <translation>تبقى يومياتك على هذا الحاسوب، مشفّرةً بعبارة مرور لا يعرفها أحد سواك. إذا نسيتها فلن يستطيع أحد استعادة ما كتبته.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="45" />
        <source>Display name</source>
        <translation>الاسم الظاهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="46" />
        <source>Any name you like; it need not be real</source>
        <translation>أي اسم تحبه؛ لا يلزم أن يكون اسمك الحقيقي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="49" />
        <source>optional, e.g. they/them</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="50" />
        <source>Pronouns</source>
        <translation>الضمائر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="53" />
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="55" />
        <source>At least 10 characters; a few uncommon words work well</source>
        <translation>عشرة أحرف على الأقل؛ بضع كلمات غير مألوفة تفي بالغرض</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="59" />
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="69" />
        <source>Creating your vault</source>
        <translation>جارٍ إنشاء خزنتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="71" />
        <location filename="../../src/haven/ui/pages/create_page.py" line="72" />
        <source>Create my vault</source>
        <translation>أنشئ خزنتي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="77" />
        <source>&amp;Display name</source>
        <translation>&amp;الاسم الظاهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="78" />
        <source>&amp;Pronouns</source>
        <translation>ال&amp;ضمائر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="79" />
        <source>Pass&amp;phrase</source>
        <translation>&amp;عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="80" />
        <source>Passphrase &amp;again</source>
        <translation>عبارة المرور &amp;مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="111" />
        <source>Choose a passphrase of at least 10 characters.</source>
        <translation>اختر عبارة مرور من عشرة أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="124" />
        <source>Choose a display name (any name you like).</source>
        <translation>اختر اسمًا ظاهرًا (أي اسم تحبه).</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="54" />
        <source>Title (optional)</source>
        <translation>العنوان (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="55" />
        <source>Entry title</source>
        <translation>عنوان التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="58" />
        <source>Write here. Markdown is welcome.</source>
        <translation>اكتب هنا. يمكنك استخدام Markdown.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="59" />
        <source>Entry text</source>
        <translation>نص التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="60" />
        <source>Plain text; Markdown formatting is kept</source>
        <translation>نص عادي؛ يُحفظ تنسيق Markdown كما هو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="62" />
        <source>Mood</source>
        <translation>المزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="63" />
        <source>No mood</source>
        <translation>بلا مزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="67" />
        <source>e.g. family, coming-out</source>
        <translation>مثلًا: عائلة، إفصاح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="68" />
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="69" />
        <source>Separate tags with commas or spaces</source>
        <translation>افصل بين الوسوم بفواصل أو مسافات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="73" />
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="74" />
        <source>Save entry</source>
        <translation>حفظ التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="75" />
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="76" />
        <source>&amp;Delete</source>
        <translation>ح&amp;ذف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="77" />
        <source>Delete entry</source>
        <translation>حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="78" />
        <source>&amp;New entry</source>
        <translation>تدوينة &amp;جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="79" />
        <location filename="../../src/haven/ui/journal/editor.py" line="112" />
        <source>New entry</source>
        <translation>تدوينة جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="80" />
        <source>New entry (Ctrl+N)</source>
        <translation>تدوينة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="83" />
        <source>&amp;Title</source>
        <translation>ال&amp;عنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="84" />
        <source>&amp;Mood</source>
        <translation>ال&amp;مزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="85" />
        <source>Ta&amp;gs</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="123" />
        <source>Edit entry</source>
        <translation>تعديل التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="153" />
        <source>Write something first: an entry needs some text.</source>
        <translation>اكتب شيئًا أولًا: التدوينة تحتاج إلى نص.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="20" />
        <source>Search your journal (Ctrl+F)</source>
        <translation>ابحث في يومياتك (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="21" />
        <source>Search entries</source>
        <translation>البحث في التدوينات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="24" />
        <source>Filter by tag</source>
        <translation>التصفية حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="26" />
        <source>Filter by mood</source>
        <translation>التصفية حسب المزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="27" />
        <source>Any mood</source>
        <translation>أي مزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="52" />
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
</context>
<context>
    <name>HavenWindow</name>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="43" />
        <source>Journal</source>
        <extracomment>Quick exit happened (window hidden, vault locked). `run_app` quits on it.</extracomment>
        <translation>اليوميات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="44" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="91" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="91" />
        <source>Haven</source>
        <translation>Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="116" />
        <source>Signed in as %1</source>
        <translation>مسجَّل باسم %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="26" />
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="32" />
        <source>&amp;Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="33" />
        <source>Lock Haven</source>
        <translation>قفل Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="34" />
        <source>Lock (Ctrl+L); quick exit: Shift three times</source>
        <translation>قفل (Ctrl+L)؛ الخروج السريع: اضغط Shift ثلاث مرات</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="40" />
        <source>Journal entries</source>
        <translation>تدوينات اليوميات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="41" />
        <source>Newest first; press Enter to open one</source>
        <translation>الأحدث أولًا؛ اضغط Enter لفتح تدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="158" />
        <source>Saved.</source>
        <translation>حُفظت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="164" />
        <source>Delete entry</source>
        <translation>حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="165" />
        <source>Delete this entry? This cannot be undone.</source>
        <translation>أتريد حذف هذه التدوينة؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="170" />
        <source>Confirm deleting the entry</source>
        <translation>تأكيد حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="182" />
        <source>Deleted.</source>
        <translation>حُذفت.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="231" />
        <source>%n entries</source>
        <translation><numerusform>لا تدوينات</numerusform><numerusform>تدوينة واحدة</numerusform><numerusform>تدوينتان</numerusform><numerusform>%n تدوينات</numerusform><numerusform>%n تدوينة</numerusform><numerusform>%n تدوينة</numerusform></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="29" />
        <source>Choose a passphrase.</source>
        <translation>اختر عبارة مرور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="31" />
        <source>This passphrase is too short: use at least 10 characters.</source>
        <translation>عبارة المرور هذه قصيرة جدًا: استخدم عشرة أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="33" />
        <location filename="../../src/haven/ui/messages.py" line="77" />
        <source>This passphrase is too easy to guess: add a few uncommon words.</source>
        <translation>يسهل تخمين عبارة المرور هذه: أضف بضع كلمات غير مألوفة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="36" />
        <source>The two passphrases do not match.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="41" />
        <source>Very weak</source>
        <translation>ضعيفة جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="42" />
        <source>Weak</source>
        <translation>ضعيفة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="43" />
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="44" />
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="45" />
        <source>Very strong</source>
        <translation>قوية جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="47" />
        <source>Strength: %1</source>
        <translation>القوة: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="53" />
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>عبارة المرور غير صحيحة. تحقّق منها وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="55" />
        <source>Haven is already open in another window. Close it there first.</source>
        <translation>Haven مفتوح بالفعل في نافذة أخرى. أغلقه هناك أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="59" />
        <source>The vault files are damaged, so Haven cannot open them. Nothing was changed; restore a backup copy if you have one.</source>
        <translation>ملفات الخزنة تالفة، لذا لا يستطيع Haven فتحها. لم يتغيّر شيء؛ استعِد نسخة احتياطية إن كانت لديك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="65" />
        <source>There is no vault in this folder yet.</source>
        <translation>لا توجد خزنة في هذا المجلد بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="67" />
        <source>A vault already exists in this folder; nothing was changed.</source>
        <translation>توجد خزنة في هذا المجلد بالفعل؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="71" />
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ؛ لم يُحفظ شيء. أفرغ بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="75" />
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="81" />
        <source>That entry no longer exists.</source>
        <translation>هذه التدوينة لم تعد موجودة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="83" />
        <source>Some of what you typed cannot be saved. Check the title, text and tags.</source>
        <translation>تعذّر حفظ بعض ما كتبته. تحقّق من العنوان والنص والوسوم.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="86" />
        <source>Something went wrong; nothing was changed.</source>
        <translation>حدث خطأ ما؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="92" />
        <source>Very low</source>
        <translation>سيئ جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="93" />
        <source>Low</source>
        <translation>سيئ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="94" />
        <source>Okay</source>
        <translation>لا بأس</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="95" />
        <source>Good</source>
        <translation>جيد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="96" />
        <source>Great</source>
        <translation>رائع</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="36" />
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="60" />
        <source>Prompt of the day</source>
        <translation>سؤال اليوم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="42" />
        <source>&amp;Write about this</source>
        <translation>ا&amp;كتب عن هذا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="43" />
        <source>Write about this prompt</source>
        <translation>اكتب عن سؤال اليوم</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="26" />
        <source>Settings</source>
        <extracomment>Something changed: the window re-applies theme, font, title and auto-lock.</extracomment>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="34" />
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="35" />
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="36" />
        <source>Lock after minutes without use</source>
        <translation>القفل بعد دقائق من عدم الاستخدام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="37" />
        <source>0 means never</source>
        <translation>0 تعني أبدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="39" />
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="41" />
        <source>Same as the system</source>
        <translation>مثل النظام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="42" />
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="43" />
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="44" />
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="48" />
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="51" />
        <source>&amp;Discreet mode: a neutral window title</source>
        <translation>الوضع ال&amp;متحفّظ: عنوان نافذة محايد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="52" />
        <source>Discreet mode</source>
        <translation>الوضع المتحفّظ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="54" />
        <source>The window is called Notes instead of Haven</source>
        <translation>تُسمّى النافذة «ملاحظات» بدلًا من Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="58" />
        <source>Quick exit: press Shift three times, or Ctrl+Shift+Q, to hide Haven and lock it at once. Ctrl+L locks without hiding.</source>
        <translation>الخروج السريع: اضغط Shift ثلاث مرات أو Ctrl+Shift+Q لإخفاء Haven وقفله فورًا. يقفل Ctrl+L دون إخفاء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="65" />
        <source>&amp;Auto-lock after</source>
        <translation>ال&amp;قفل التلقائي بعد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="66" />
        <source>&amp;Theme</source>
        <translation>ال&amp;مظهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="67" />
        <source>Te&amp;xt size</source>
        <translation>&amp;حجم النص</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="24" />
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="80" />
        <source>Haven is locked</source>
        <translation>Haven مقفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="29" />
        <source>Type your passphrase to open your journal.</source>
        <translation>اكتب عبارة المرور لفتح يومياتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="33" />
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="34" />
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="35" />
        <source>&amp;Unlock</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="36" />
        <source>Unlock</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="44" />
        <source>Opening your vault</source>
        <translation>جارٍ فتح خزنتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="73" />
        <source>Type your passphrase first.</source>
        <translation>اكتب عبارة المرور أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="80" />
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
</context>
</TS>