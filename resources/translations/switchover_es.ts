<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AlternativesPage</name>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="30"/>
        <source>What comes next</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="33"/>
        <source>Protection to use instead. Switchover downloads nothing: it opens the vendor&apos;s own page.</source>
        <translation>Protección para usar en su lugar. Switchover no descarga nada: abre la página oficial del fabricante.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="38"/>
        <source>For &amp;use at:</source>
        <translation>Para &amp;usar en:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="40"/>
        <source>Home</source>
        <translation>Casa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="41"/>
        <source>Business</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="42"/>
        <source>For use at</source>
        <translation>Para usar en</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="47"/>
        <source>&amp;Free</source>
        <translation>&amp;Gratis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="48"/>
        <source>&amp;VPN</source>
        <translation>&amp;VPN</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="49"/>
        <source>&amp;Password manager</source>
        <translation>Gestor de &amp;contraseñas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="50"/>
        <source>Pa&amp;rental controls</source>
        <translation>Control &amp;parental</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="58"/>
        <source>Recommended protection</source>
        <translation>Protección recomendada</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="63"/>
        <source>Number of suggestions</source>
        <translation>Número de sugerencias</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="64"/>
        <source>&amp;Open the vendor&apos;s page</source>
        <translation>&amp;Abrir la página del fabricante</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/alternatives.py" line="107"/>
        <source>%n suggestions match.</source>
        <translation>
            <numerusform>%n sugerencia coincide.</numerusform>
            <numerusform>%n sugerencias coinciden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="111"/>
        <source>Our first suggestion for this computer: {name}. You can choose another below.</source>
        <translation>Nuestra primera sugerencia para este equipo: {name}. Puede elegir otra más abajo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="121"/>
        <source>Show the &amp;products for businesses</source>
        <translation>Mostrar los &amp;productos para empresas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="123"/>
        <source>Show the &amp;products for home use</source>
        <translation>Mostrar los &amp;productos para uso doméstico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="138"/>
        <source>Nothing in our list matches these choices. Untick one to see more.</source>
        <translation>Nada de nuestra lista encaja con estas opciones. Desmarque alguna para ver más.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="143"/>
        <source>For {system}, our list has only products for businesses: {names}.</source>
        <translation>Para {system}, nuestra lista solo tiene productos para empresas: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="146"/>
        <source>For {system}, our list has only products for home use: {names}.</source>
        <translation>Para {system}, nuestra lista solo tiene productos para uso doméstico: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="151"/>
        <source>Our list has no product for {system} yet.</source>
        <translation>Nuestra lista aún no tiene ningún producto para {system}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="156"/>
        <source>Security software Switchover found on this computer: {names}.</source>
        <translation>Software de seguridad que Switchover encontró en este equipo: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="158"/>
        <source>Switchover found no other security software on this computer.</source>
        <translation>Switchover no encontró otro software de seguridad en este equipo.</translation>
    </message>
</context>
<context>
    <name>BanPage</name>
    <message>
        <location filename="../../gui/pages/ban.py" line="25"/>
        <source>What the ban means for you</source>
        <translation>Qué significa la prohibición para usted</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="26"/>
        <source>What changed, and what it means for this computer.</source>
        <translation>Qué ha cambiado y qué significa para este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="30"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="31"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="32"/>
        <source>Not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="33"/>
        <source>Do you live or work in the &amp;United States?</source>
        <translation>¿Vive o trabaja en &amp;Estados Unidos?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="35"/>
        <source>Do you live or work in the United States?</source>
        <translation>¿Vive o trabaja en Estados Unidos?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="38"/>
        <source>How the answer was chosen</source>
        <translation>Cómo se eligió la respuesta</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="39"/>
        <source>Briefing</source>
        <translation>Resumen informativo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="58"/>
        <source>Your answer from last time. Change it here if it is no longer right.</source>
        <translation>Su respuesta de la última vez. Cámbiela aquí si ya no es correcta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="65"/>
        <source>Our guess from your language and time zone settings; change it if it is wrong.</source>
        <translation>Es nuestra suposición según su idioma y zona horaria; cámbiela si no es correcta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="74"/>
        <source>Your answer is saved on this computer for next time.</source>
        <translation>Su respuesta queda guardada en este equipo para la próxima vez.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="90"/>
        <source>Since {date}, {days} ago, Kaspersky may not send its US customers any updates. Using it is not against the law, but it protects you less every day.</source>
        <translation>Desde el {date}, hace {days}, Kaspersky no puede enviar actualizaciones a sus clientes de Estados Unidos. Usarlo no va contra la ley, pero cada día le protege menos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="95"/>
        <source>The US ban does not cover you: outside the United States Kaspersky is still updated. Whether to switch is your choice; the details list what governments have said.</source>
        <translation>La prohibición de EE. UU. no le afecta: fuera de Estados Unidos Kaspersky sigue actualizándose. Cambiar es decisión suya; los detalles recogen lo que han dicho los gobiernos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="99"/>
        <source>If you live or work in the United States, Kaspersky has sent you no updates since {date}, {days} ago. Using it is not against the law, but it protects you less every day.</source>
        <translation>Si vive o trabaja en Estados Unidos, Kaspersky no le envía actualizaciones desde el {date}, hace {days}. Usarlo no va contra la ley, pero cada día le protege menos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="125"/>
        <source>Sources:</source>
        <translation>Fuentes:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../gui/pages/done.py" line="29"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="30"/>
        <source>Here is where this computer stands.</source>
        <translation>Así queda este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="34"/>
        <source>Still for you to do</source>
        <translation>Lo que aún le queda por hacer</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="36"/>
        <source>What is left for you</source>
        <translation>Lo que le queda a usted</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="48"/>
        <location filename="../../gui/pages/done.py" line="51"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="48"/>
        <source>&amp;Details for the help desk</source>
        <translation>&amp;Detalles para el servicio de asistencia</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="138"/>
        <source>Open the {product} &amp;subscription page</source>
        <translation>Abrir la página de &amp;suscripción de {product}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="75"/>
        <source>There was no Kaspersky program to remove from this computer.</source>
        <translation>No había ningún programa de Kaspersky que quitar de este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="78"/>
        <source>The removal did not finish. Nothing more will be changed.</source>
        <translation>La eliminación no terminó. No se cambiará nada más.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="80"/>
        <source>Kaspersky has been removed from this computer.</source>
        <translation>Kaspersky se ha quitado de este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="83"/>
        <source>Kaspersky is removed. Restart the computer to finish; Switchover checks again after.</source>
        <translation>Kaspersky está quitado. Reinicie el equipo para terminar; Switchover lo comprueba de nuevo después.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="86"/>
        <source>Part of Kaspersky is still on this computer. Nothing more will be changed. Save the report below and give it to whoever helps you.</source>
        <translation>Parte de Kaspersky sigue en este equipo. No se cambiará nada más. Guarde el informe de abajo y déselo a quien le ayude.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="100"/>
        <source>&lt;b&gt;Stop paying for {product}.&lt;/b&gt; Removing a program does not stop its subscription. Sign in to the account the subscription belongs to and cancel the renewal there; then check your card statement for further charges.</source>
        <translation>&lt;b&gt;Deje de pagar por {product}.&lt;/b&gt; Quitar un programa no cancela su suscripción. Inicie sesión en la cuenta a la que pertenece la suscripción y cancele allí la renovación; después revise el extracto de su tarjeta por si hay más cargos.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../gui/errors.py" line="30"/>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="33"/>
        <source>Switchover hit an unexpected problem. Nothing more will be changed until you choose what to do. The details are in the log; you can copy them for your help desk.</source>
        <translation>Switchover ha encontrado un problema inesperado. No se cambiará nada más hasta que usted decida qué hacer. Los detalles están en el historial; puede copiarlos para su soporte técnico.</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="40"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../gui/pages/found.py" line="179"/>
        <source>Details for help desk</source>
        <translation>Detalles para el soporte técnico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="187"/>
        <source>Scan details</source>
        <translation>Detalles del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="190"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="132"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="138"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="148"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="149"/>
        <source>Understand</source>
        <translation>Entender</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="150"/>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="151"/>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="152"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="153"/>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="190"/>
        <source>In short</source>
        <translation>En resumen</translation>
    </message>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="197"/>
        <source>&amp;Why? Details and sources</source>
        <translation>¿&amp;Por qué? Detalles y fuentes</translation>
    </message>
</context>
<context>
    <name>FoundPage</name>
    <message>
        <location filename="../../gui/pages/found.py" line="35"/>
        <source>What we found</source>
        <translation>Lo que hemos encontrado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="36"/>
        <source>Each product in plain words. The help desk can see every detail.</source>
        <translation>Cada producto en palabras sencillas. El soporte técnico puede ver todos los detalles.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="38"/>
        <source>Scan summary</source>
        <translation>Resumen del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="41"/>
        <source>Products found</source>
        <translation>Productos encontrados</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="43"/>
        <source>Management note</source>
        <translation>Nota sobre la administración</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="44"/>
        <source>Other security software</source>
        <translation>Otro software de seguridad</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="47"/>
        <source>&amp;Details for help desk…</source>
        <translation>&amp;Detalles para el soporte técnico…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="53"/>
        <source>Try the demo: &amp;home PC</source>
        <translation>Probar la demo: PC de &amp;casa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="54"/>
        <source>Try the demo: &amp;office PC</source>
        <translation>Probar la demo: PC de &amp;oficina</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="67"/>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="67"/>
        <source>version {version}</source>
        <translation>versión {version}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="79"/>
        <source>This computer is managed by your organisation&apos;s IT team through Kaspersky Security Center. Talk to them before removing anything: they may hold the uninstall password, and their console may reinstall what is removed.</source>
        <translation>Este equipo lo administra el equipo de TI de su organización mediante Kaspersky Security Center. Hable con ellos antes de quitar nada: pueden tener la contraseña de desinstalación, y su consola puede volver a instalar lo que se quite.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="90"/>
        <source>Other security software on this computer: {names}.</source>
        <translation>Otro software de seguridad en este equipo: {names}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/found.py" line="143"/>
        <source>Pieces left behind by an earlier removal (%n items).</source>
        <translation>
            <numerusform>Restos de una desinstalación anterior (%n elemento).</numerusform>
            <numerusform>Restos de una desinstalación anterior (%n elementos).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="110"/>
        <source>No Kaspersky program is installed, but something it left needs a look.</source>
        <translation>No hay ningún programa de Kaspersky instalado, pero algo que dejó merece una revisión.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="111"/>
        <source>Good news: there is no Kaspersky software on this computer.</source>
        <translation>Buenas noticias: no hay software de Kaspersky en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="119"/>
        <source>Kaspersky is on this computer. Switchover can replace it, step by step.</source>
        <translation>Kaspersky está en este equipo. Switchover puede sustituirlo, paso a paso.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="122"/>
        <source>Your Kaspersky has had no updates for {days}: its last one was on {date}.</source>
        <translation>Su Kaspersky lleva {days} sin actualizaciones: la última fue el {date}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="150"/>
        <source>Parts shared by several Kaspersky programs.</source>
        <translation>Componentes compartidos por varios programas de Kaspersky.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="132"/>
        <source>No Kaspersky product is installed. We found the software below: UltraAV, which replaced Kaspersky for US customers, or pieces that a Kaspersky removal left behind.</source>
        <translation>No hay ningún producto de Kaspersky instalado. Hemos encontrado el software de abajo: UltraAV, que sustituyó a Kaspersky para los clientes de EE. UU., o restos que dejó una desinstalación de Kaspersky.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/found.py" line="129"/>
        <source>We found %n programs; here is what each one does.</source>
        <translation>
            <numerusform>Encontramos %n programa; esto es lo que hace.</numerusform>
            <numerusform>Encontramos %n programas; esto es lo que hace cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="136"/>
        <source>Good news: no Kaspersky software was found on this computer. There is nothing to remove. You can still read what the ban means and look at other protection, or try the demo.</source>
        <translation>Buenas noticias: no se ha encontrado software de Kaspersky en este equipo. No hay nada que quitar. Aun así puede leer qué significa la prohibición y ver otras protecciones, o probar la demo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="145"/>
        <source>Protects this computer against viruses and online threats.</source>
        <translation>Protege este equipo contra virus y amenazas de internet.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="146"/>
        <source>Your organisation&apos;s antivirus on this computer.</source>
        <translation>El antivirus de su organización en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="147"/>
        <source>Lets your IT team manage Kaspersky on this computer remotely.</source>
        <translation>Permite a su equipo de TI administrar Kaspersky en este equipo a distancia.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="148"/>
        <source>Keeps your saved passwords. Export them before removing it.</source>
        <translation>Guarda sus contraseñas. Expórtelas antes de quitarlo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="149"/>
        <source>Encrypts your internet connection (VPN).</source>
        <translation>Cifra su conexión a internet (VPN).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="153"/>
        <source>Kaspersky software ({family}).</source>
        <translation>Software de Kaspersky ({family}).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="156"/>
        <source>Installed in place of Kaspersky for US customers in September 2024.</source>
        <translation>Instalado en lugar de Kaspersky para los clientes de EE. UU. en septiembre de 2024.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="162"/>
        <source>Virus definitions last updated on {date}.</source>
        <translation>Definiciones de virus actualizadas por última vez el {date}.</translation>
    </message>
</context>
<context>
    <name>OsWords</name>
    <message>
        <location filename="../../gui/pages/os_words.py" line="53"/>
        <source>Kaspersky is gone, but nothing protects this computer yet. Turn on Microsoft Defender in Windows Security, or install one of the suggested products.</source>
        <translation>Kaspersky ya no está, pero nada protege aún este equipo. Active Microsoft Defender en Seguridad de Windows o instale uno de los productos sugeridos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="58"/>
        <source>⚠ Not protected yet</source>
        <translation>⚠ Aún sin protección</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="59"/>
        <source>No other security software was found. Microsoft Defender, built into Windows, is among the choices two pages on.</source>
        <translation>No se encontró otro software de seguridad. Microsoft Defender, incluido en Windows, está entre las opciones dos páginas más adelante.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="64"/>
        <source>1. Open Windows&apos; installed apps with the button below. 2. Find the program and choose Uninstall. 3. Come back here and press I have done this.</source>
        <translation>1. Abra las aplicaciones instaladas de Windows con el botón de abajo. 2. Busque el programa y elija Desinstalar. 3. Vuelva aquí y pulse Ya lo he hecho.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="69"/>
        <source>&lt;b&gt;Delete the exported passwords file&lt;/b&gt; once your new password manager has imported it, then empty the Recycle Bin: the file is not protected.</source>
        <translation>&lt;b&gt;Borre el archivo de contraseñas exportado&lt;/b&gt; en cuanto su nuevo gestor de contraseñas lo haya importado, y vacíe la Papelera de reciclaje: el archivo no está protegido.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="74"/>
        <source>Open &amp;Windows Security</source>
        <translation>Abrir &amp;Seguridad de Windows</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="75"/>
        <source>Turn on Microsoft Defender or check what protects this computer</source>
        <translation>Active Microsoft Defender o compruebe qué protege este equipo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="79"/>
        <source>Open Windows&apos; &amp;installed apps</source>
        <translation>Abrir las &amp;aplicaciones instaladas de Windows</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="85"/>
        <source>Kaspersky is gone. Switchover found no other security software on this computer.</source>
        <translation>Kaspersky ya no está. Switchover no encontró otro software de seguridad en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="88"/>
        <location filename="../../gui/pages/os_words.py" line="114"/>
        <source>⚠ No security software found</source>
        <translation>⚠ No se encontró software de seguridad</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="89"/>
        <source>Security software on this computer: {names}. On Linux, Switchover cannot check whether it is switched on and up to date: check it in the program itself.</source>
        <translation>Software de seguridad en este equipo: {names}. En Linux, Switchover no puede comprobar si está activado y al día: compruébelo en el propio programa.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="94"/>
        <source>No other security software was found on this computer.</source>
        <translation>No se encontró otro software de seguridad en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="97"/>
        <source>1. Remove the program with your system&apos;s software manager, or ask whoever looks after this computer. 2. Come back here and press I have done this.</source>
        <translation>1. Desinstale el programa con el gestor de software de su sistema, o pida ayuda a quien se ocupa de este equipo. 2. Vuelva aquí y pulse Ya lo he hecho.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="102"/>
        <location filename="../../gui/pages/os_words.py" line="126"/>
        <source>&lt;b&gt;Delete the exported passwords file&lt;/b&gt; once your new password manager has imported it, then empty the Trash: the file is not protected.</source>
        <translation>&lt;b&gt;Borre el archivo de contraseñas exportado&lt;/b&gt; en cuanto su nuevo gestor de contraseñas lo haya importado, y vacíe la Papelera: el archivo no está protegido.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="111"/>
        <source>Kaspersky is gone. Switchover found no other security software on this Mac.</source>
        <translation>Kaspersky ya no está. Switchover no encontró otro software de seguridad en este Mac.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="115"/>
        <source>Security software on this Mac: {names}. On a Mac, Switchover cannot check whether it is switched on and up to date: check it in the program itself.</source>
        <translation>Software de seguridad en este Mac: {names}. En un Mac, Switchover no puede comprobar si está activado y al día: compruébelo en el propio programa.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="120"/>
        <source>No other security software was found on this Mac.</source>
        <translation>No se encontró otro software de seguridad en este Mac.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/os_words.py" line="121"/>
        <source>1. Remove the program as its maker describes, or ask whoever looks after this Mac. 2. Come back here and press I have done this.</source>
        <translation>1. Desinstale el programa como indica su fabricante, o pida ayuda a quien se ocupa de este Mac. 2. Vuelva aquí y pulse Ya lo he hecho.</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../gui/pages/prepare.py" line="23"/>
        <source>Before removing</source>
        <translation>Antes de quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="24"/>
        <source>Save what you will need later.</source>
        <translation>Guarde lo que necesitará más tarde.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="26"/>
        <source>Before Kaspersky goes, save what only it can show you. Tick each item when it is done.</source>
        <translation>Antes de que Kaspersky se vaya, guarde lo que solo él puede mostrarle. Marque cada punto cuando esté hecho.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="28"/>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="32"/>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="34"/>
        <source>Checklist status</source>
        <translation>Estado de la lista</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="37"/>
        <source>What was opened</source>
        <translation>Lo que se abrió</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="62"/>
        <source>&amp;Open {product} to export</source>
        <translation>&amp;Abrir {product} para exportar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="84"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="84"/>
        <source>&amp;Remove Kaspersky now</source>
        <translation>&amp;Quitar Kaspersky ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="100"/>
        <source>Demo: on a real computer this opens {program}.</source>
        <translation>Demo: en un equipo real esto abre {program}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="116"/>
        <source>Nothing needs saving first. Press the button at the bottom right to go on.</source>
        <translation>No hace falta guardar nada antes. Pulse el botón de abajo a la derecha para seguir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/prepare.py" line="120"/>
        <source>%n of {total} items still to tick.</source>
        <translation>
            <numerusform>Queda %n de {total} elementos por marcar.</numerusform>
            <numerusform>Quedan %n de {total} elementos por marcar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="124"/>
        <source>Everything is saved. Press the button at the bottom right to go on.</source>
        <translation>Todo está guardado. Pulse el botón de abajo a la derecha para seguir.</translation>
    </message>
</context>
<context>
    <name>RemovePage</name>
    <message>
        <location filename="../../gui/pages/remove.py" line="50"/>
        <source>Remove Kaspersky</source>
        <translation>Quitar Kaspersky</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/remove.py" line="198"/>
        <source>Switchover stopped before it finished the removal started on {when}: the computer may have lost power, or Switchover closed unexpectedly. %n of {total} steps had finished; they will not run again.</source>
        <translation>
            <numerusform>Switchover se detuvo antes de terminar la eliminación iniciada el {when}: puede que el equipo se quedara sin corriente o que Switchover se cerrara de forma inesperada. Había terminado %n de {total} pasos; no se volverá a ejecutar.</numerusform>
            <numerusform>Switchover se detuvo antes de terminar la eliminación iniciada el {when}: puede que el equipo se quedara sin corriente o que Switchover se cerrara de forma inesperada. Habían terminado %n de {total} pasos; no se volverán a ejecutar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="214"/>
        <source>This is the point of no return: once removal starts, you cannot go back.</source>
        <translation>Este es el punto sin retorno: una vez empezada la desinstalación, no se puede volver atrás.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="53"/>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="55"/>
        <source>Uninstall &amp;password:</source>
        <translation>&amp;Contraseña de desinstalación:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="58"/>
        <source>Uninstall password</source>
        <translation>Contraseña de desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="62"/>
        <source>About the password</source>
        <translation>Acerca de la contraseña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="82"/>
        <source>Removal steps</source>
        <translation>Pasos de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="83"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="83"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="84"/>
        <source>Column headings</source>
        <translation>Encabezados de columna</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="79"/>
        <source>Removal progress</source>
        <translation>Progreso de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="63"/>
        <source>Removal status</source>
        <translation>Estado de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="64"/>
        <source>Your turn</source>
        <translation>Le toca a usted</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="66"/>
        <source>What to do now</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="69"/>
        <location filename="../../gui/pages/remove.py" line="360"/>
        <source>I have &amp;done this</source>
        <translation>Ya lo he &amp;hecho</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="70"/>
        <location filename="../../gui/pages/remove.py" line="361"/>
        <source>S&amp;kip this step</source>
        <translation>&amp;Omitir este paso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="74"/>
        <location filename="../../gui/pages/remove.py" line="128"/>
        <source>&amp;Remove now</source>
        <translation>&amp;Quitar ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="75"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="106"/>
        <location filename="../../gui/pages/remove.py" line="241"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="119"/>
        <source>The demo office PC&apos;s uninstall password is: {password}</source>
        <translation>La contraseña de desinstalación del PC de oficina de la demo es: {password}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="121"/>
        <source>Your IT team set this password. Switchover never saves or shows it.</source>
        <translation>Esta contraseña la fijó su equipo de TI. Switchover nunca la guarda ni la muestra.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="124"/>
        <source>Type the password, then press Remove now. You can stop between steps.</source>
        <translation>Escriba la contraseña y pulse Quitar ahora. Puede detenerse entre pasos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="126"/>
        <source>Press Remove now when you are ready. You can stop between steps.</source>
        <translation>Pulse Quitar ahora cuando esté listo. Puede detenerse entre pasos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="144"/>
        <location filename="../../gui/pages/remove.py" line="145"/>
        <location filename="../../gui/pages/remove.py" line="146"/>
        <location filename="../../gui/pages/remove.py" line="147"/>
        <source>Remove {product}</source>
        <translation>Quitar {product}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="148"/>
        <source>Remove {product} yourself</source>
        <translation>Quitar {product} usted mismo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="149"/>
        <source>If that did not work: remove {product} with Kaspersky&apos;s own tool</source>
        <translation>Si eso no funcionó: quitar {product} con la herramienta de Kaspersky</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="150"/>
        <source>Last resort: remove it after restarting Windows in a special mode</source>
        <translation>Último recurso: quitarlo tras reiniciar Windows en un modo especial</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="151"/>
        <source>Cancel the {product} subscription</source>
        <translation>Cancelar la suscripción de {product}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="152"/>
        <source>Restart the computer</source>
        <translation>Reiniciar el equipo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="153"/>
        <source>Check the result</source>
        <translation>Comprobar el resultado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="154"/>
        <source>Tidy up what was left behind</source>
        <translation>Limpiar lo que quedó</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/remove.py" line="172"/>
        <source>%v of %n steps</source>
        <translation>
            <numerusform>%v de %n paso</numerusform>
            <numerusform>%v de %n pasos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="188"/>
        <source>A removal was under way when Switchover stopped. Finish it here.</source>
        <translation>Había una eliminación en curso cuando Switchover se detuvo. Termínela aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="194"/>
        <source>⚠ Interrupted</source>
        <translation>⚠ Interrumpido</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="195"/>
        <source>Stopped part-way; Switchover checks it again first.</source>
        <translation>Se detuvo a medias; Switchover lo comprueba de nuevo antes.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="206"/>
        <source>“{step}” was under way when it stopped: Switchover checks whether it is still needed before running it again.</source>
        <translation>«{step}» estaba en curso cuando se detuvo: Switchover comprueba si todavía hace falta antes de volver a ejecutarlo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="210"/>
        <source>Press Finish the removal to complete it. You can stop between steps.</source>
        <translation>Pulse Terminar de quitar para completarla. Puede detenerse entre pasos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="211"/>
        <source>&amp;Finish the removal</source>
        <translation>&amp;Terminar de quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="247"/>
        <source>Removing… Please keep this window open.</source>
        <translation>Quitando… Mantenga esta ventana abierta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="261"/>
        <source>Stopping after the current step…</source>
        <translation>Deteniendo después del paso actual…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="275"/>
        <location filename="../../gui/pages/remove.py" line="329"/>
        <source>→ On your list for later</source>
        <translation>→ En su lista para después</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="277"/>
        <source>→ On the next page</source>
        <translation>→ En la página siguiente</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="291"/>
        <source>✗ Administrator permission declined</source>
        <translation>✗ Permiso de administrador rechazado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="293"/>
        <source>… Running</source>
        <translation>… En curso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="294"/>
        <source>… Waiting for you</source>
        <translation>… Esperándole</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="295"/>
        <source>✓ Done</source>
        <translation>✓ Hecho</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="296"/>
        <source>✓ Done, restart needed</source>
        <translation>✓ Hecho, hay que reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="297"/>
        <source>✗ Did not work</source>
        <translation>✗ No funcionó</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="298"/>
        <location filename="../../gui/pages/remove.py" line="426"/>
        <source>– Not needed</source>
        <translation>– No hizo falta</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="299"/>
        <source>– Stopped</source>
        <translation>– Detenido</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="317"/>
        <source>That password was not accepted, so nothing was removed. Type it again and press Try again. If you do not know it, ask whoever manages this computer.</source>
        <translation>Esa contraseña no fue aceptada, así que no se quitó nada. Escríbala de nuevo y pulse Intentar de nuevo. Si no la sabe, pregunte a quien administra este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="337"/>
        <source>&lt;b&gt;Remove {product} too?&lt;/b&gt;&lt;br&gt;{product} was put on this computer in place of Kaspersky. Keep it if you chose it; otherwise Switchover runs its own uninstaller now.</source>
        <translation>&lt;b&gt;¿Quitar también {product}?&lt;/b&gt;&lt;br&gt;{product} se instaló en este equipo en lugar de Kaspersky. Consérvelo si usted lo eligió; si no, Switchover ejecuta ahora su propio desinstalador.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="341"/>
        <source>&amp;Remove {product}</source>
        <translation>&amp;Quitar {product}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="342"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Conservarlo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="350"/>
        <source>1. Delete what is listed above (it needs administrator rights), or ask whoever looks after this computer to. 2. Come back here and press I have done this.</source>
        <translation>1. Borre lo que aparece arriba (hacen falta permisos de administrador), o pídaselo a quien se ocupa de este equipo. 2. Vuelva aquí y pulse Ya lo he hecho.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="354"/>
        <source>Still on this computer:</source>
        <translation>Sigue en este equipo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="392"/>
        <source>Every step finished. Next: checking the result.</source>
        <translation>Todos los pasos han terminado. Ahora: comprobar el resultado.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="393"/>
        <source>Every step finished. A restart is needed to finish.</source>
        <translation>Todos los pasos han terminado. Hace falta reiniciar para acabar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="395"/>
        <source>The removal did not finish: {message}. Check the password if one is needed, then press Try again.</source>
        <translation>La desinstalación no terminó: {message}. Compruebe la contraseña si hace falta y pulse Reintentar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="402"/>
        <source>The removal did not finish: “{step}” did not work, so Kaspersky is still on this computer. Press Try again, or Continue to see where the computer stands.</source>
        <translation>La eliminación no terminó: «{step}» no funcionó, así que Kaspersky sigue en este equipo. Pulse Reintentar, o Continuar para ver cómo queda el equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="406"/>
        <source>Stopped: {message}. Press Try again to continue, or Next to check what is left.</source>
        <translation>Detenido: {message}. Pulse Reintentar para continuar, o Siguiente para comprobar lo que queda.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="412"/>
        <source>You declined the administrator prompt, so nothing was removed in that step. Press Try again and answer Yes when asked for permission.</source>
        <translation>Rechazó la solicitud de administrador, así que en ese paso no se quitó nada. Pulse Reintentar y responda Sí cuando se le pida permiso.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="422"/>
        <source>… After the restart</source>
        <translation>… Después del reinicio</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="424"/>
        <source>– Did not start</source>
        <translation>– No empezó</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="446"/>
        <source>The removal stopped with an error: {message}</source>
        <translation>La desinstalación se detuvo con un error: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="452"/>
        <source>Try &amp;again</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../gui/report.py" line="47"/>
        <source>Switchover {version} summary</source>
        <translation>Resumen de Switchover {version}</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="50"/>
        <source>Demo machine: {title}</source>
        <translation>Equipo de demostración: {title}</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="55"/>
        <source>No scan was made.</source>
        <translation>No se hizo ningún análisis.</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="56"/>
        <source>Scanned: {when}</source>
        <translation>Analizado: {when}</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="59"/>
        <source>Found: {names}</source>
        <translation>Encontrado: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="60"/>
        <source>no Kaspersky software</source>
        <translation>ningún software de Kaspersky</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="65"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="66"/>
        <source>finished, a restart was needed</source>
        <translation>terminada, hizo falta reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="67"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="68"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="72"/>
        <source>Removal: {status} ({message})</source>
        <translation>Desinstalación: {status} ({message})</translation>
    </message>
    <message>
        <location filename="../../gui/report.py" line="79"/>
        <source>Nothing to remove.</source>
        <translation>Nada que quitar.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="32"/>
        <source>&amp;Save the report…</source>
        <translation>&amp;Guardar el informe…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="33"/>
        <source>&amp;Copy a summary for the help desk</source>
        <translation>&amp;Copiar un resumen para el soporte técnico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="35"/>
        <source>Report status</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="52"/>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="54"/>
        <source>HTML report (*.html);;JSON document (*.json)</source>
        <translation>Informe HTML (*.html);;Documento JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="64"/>
        <source>✓ Report saved to {path}</source>
        <translation>✓ Informe guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/report_actions.py" line="68"/>
        <source>✓ Summary copied. Paste it into your help-desk ticket.</source>
        <translation>✓ Resumen copiado. Péguelo en su solicitud de soporte.</translation>
    </message>
</context>
<context>
    <name>RestartPage</name>
    <message>
        <location filename="../../gui/pages/restart.py" line="14"/>
        <source>Restart to finish</source>
        <translation>Reiniciar para terminar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="15"/>
        <source>Part of Kaspersky stays loaded until the computer restarts.</source>
        <translation>Parte de Kaspersky sigue cargada hasta que el equipo se reinicie.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="16"/>
        <source>What happens next</source>
        <translation>Qué pasa después</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="17"/>
        <source>&amp;Restart the demo computer</source>
        <translation>&amp;Reiniciar el equipo de demostración</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="19"/>
        <source>Restart status</source>
        <translation>Estado del reinicio</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="28"/>
        <source>On a real computer you would now save your work and restart. Here, press the button to restart the simulated computer; the check follows by itself.</source>
        <translation>En un equipo real ahora guardaría su trabajo y reiniciaría. Aquí, pulse el botón para reiniciar el equipo simulado; la comprobación sigue sola.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="35"/>
        <source>Save your work and restart the computer. After the restart, Switchover opens by itself and finishes the check. You can also check now: what waits for the restart will still be listed.</source>
        <translation>Guarde su trabajo y reinicie el equipo. Tras el reinicio, Switchover se abre solo y termina la comprobación. También puede comprobar ahora: lo que espera al reinicio seguirá apareciendo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="47"/>
        <source>✓ The demo computer has restarted. Checking the result…</source>
        <translation>✓ El equipo de demostración se ha reiniciado. Comprobando el resultado…</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <location filename="../../gui/pages/result.py" line="108"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="111"/>
        <source>What this means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="131"/>
        <source>✓ Protected by {names}</source>
        <translation>✓ Protegido por {names}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="133"/>
        <source>⚠ Kaspersky is still on this computer</source>
        <translation>⚠ Kaspersky sigue en este equipo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="135"/>
        <source>Security software found: {names}</source>
        <translation>Software de seguridad encontrado: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="140"/>
        <source>Kaspersky is removed; a restart finishes the job.</source>
        <translation>Kaspersky está quitado; un reinicio termina el trabajo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="142"/>
        <source>Some of Kaspersky is still on this computer. See below for what to do.</source>
        <translation>Parte de Kaspersky sigue en este equipo. Vea abajo qué hacer.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="144"/>
        <source>Kaspersky is gone from this computer.</source>
        <translation>Kaspersky ya no está en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="150"/>
        <source>{names} gets no updates: it is not protecting you.</source>
        <translation>{names} no recibe actualizaciones: no le está protegiendo.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../gui/pages/scan.py" line="22"/>
        <source>Looking for Kaspersky</source>
        <translation>Buscando Kaspersky</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="23"/>
        <source>Looking through the programs on this computer. Nothing is changed.</source>
        <translation>Revisando los programas de este equipo. No se cambia nada.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="25"/>
        <source>Scan progress</source>
        <translation>Progreso del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="28"/>
        <source>Scan status</source>
        <translation>Estado del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="29"/>
        <source>&amp;Stop scanning</source>
        <translation>&amp;Detener el análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="30"/>
        <source>Scan &amp;again</source>
        <translation>&amp;Analizar de nuevo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="49"/>
        <source>Scanning the demo {machine}…</source>
        <translation>Analizando el {machine} de la demo…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="53"/>
        <source>Scanning this computer…</source>
        <translation>Analizando este equipo…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="83"/>
        <source>Scan finished.</source>
        <translation>Análisis terminado.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="90"/>
        <source>Scan stopped. Nothing was changed on this computer.</source>
        <translation>Análisis detenido. No se ha cambiado nada en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="93"/>
        <source>The scan could not finish: {message}</source>
        <translation>El análisis no pudo terminar: {message}</translation>
    </message>
</context>
<context>
    <name>Shield</name>
    <message>
        <location filename="../../gui/pages/result.py" line="62"/>
        <source>Protection symbol</source>
        <translation>Símbolo de protección</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="67"/>
        <source>A shield with a tick</source>
        <translation>Un escudo con una marca de verificación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/result.py" line="67"/>
        <source>A shield with a warning</source>
        <translation>Un escudo con una advertencia</translation>
    </message>
</context>
<context>
    <name>SwitchoverWizard</name>
    <message>
        <location filename="../../gui/wizard.py" line="92"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="126"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="127"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="133"/>
        <source>Open Switchover&apos;s &amp;log file</source>
        <translation>Abrir el &amp;historial de Switchover</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="158"/>
        <source>Switchover</source>
        <translation>Switchover</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="159"/>
        <source>Switchover — demo: {machine}</source>
        <translation>Switchover — demo: {machine}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="162"/>
        <source>home PC</source>
        <translation>PC de casa</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="162"/>
        <source>office PC</source>
        <translation>PC de oficina</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="229"/>
        <source>Stop and close?</source>
        <translation>¿Detener y cerrar?</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="230"/>
        <source>Switchover is still working. Stop and close?</source>
        <translation>Switchover sigue trabajando. ¿Detener y cerrar?</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="244"/>
        <source>The step under way finishes first, so nothing is left half-removed. What is removed stays removed, and the rest of Kaspersky keeps working as before. Open Switchover again to finish.</source>
        <translation>Primero termina el paso en curso, para que nada quede a medio quitar. Lo quitado sigue quitado y el resto de Kaspersky funciona como antes. Abra Switchover de nuevo para terminar.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="247"/>
        <source>Nothing has been changed on this computer.</source>
        <translation>No se ha cambiado nada en este equipo.</translation>
    </message>
</context>
<context>
    <name>TechnicianWindow</name>
    <message>
        <location filename="../../gui/technician.py" line="72"/>
        <source>Switchover — technician view</source>
        <translation>Switchover — vista de técnico</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="79"/>
        <source>Open a collected bundle, registry exports or a Windows disk (File → Open).</source>
        <translation>Abra un paquete recopilado, exportaciones del registro o un disco de Windows (Archivo → Abrir).</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="83"/>
        <source>Machine</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="86"/>
        <source>Read-only: nothing can be removed from this view. Removal runs on the PC itself.</source>
        <translation>Solo lectura: desde esta vista no se puede quitar nada. La eliminación se hace en el propio PC.</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="92"/>
        <source>Products and evidence</source>
        <translation>Productos e indicios</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="95"/>
        <source>Product / evidence</source>
        <translation>Producto / indicio</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="96"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="97"/>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="98"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="99"/>
        <source>Self-defence</source>
        <translation>Autoprotección</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="100"/>
        <source>Managed</source>
        <translation>Administrado</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="101"/>
        <source>Scope / location</source>
        <translation>Ámbito / ubicación</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="106"/>
        <source>Plan in brief</source>
        <translation>Plan en breve</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="107"/>
        <source>&amp;Plan in brief (what removal on the PC would do)</source>
        <translation>&amp;Plan en breve (lo que haría la eliminación en el PC)</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="109"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="110"/>
        <source>&amp;Notes (what could not be read)</source>
        <translation>&amp;Notas (lo que no se pudo leer)</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="114"/>
        <source>Nothing opened yet.</source>
        <translation>Aún no se ha abierto nada.</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="118"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="120"/>
        <source>Open a collected &amp;bundle…</source>
        <translation>Abrir un &amp;paquete recopilado…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="121"/>
        <source>Open registry &amp;exports…</source>
        <translation>Abrir &amp;exportaciones del registro…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="122"/>
        <source>Open a Windows &amp;disk…</source>
        <translation>Abrir un &amp;disco de Windows…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="124"/>
        <source>&amp;Save the report…</source>
        <translation>&amp;Guardar el informe…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="125"/>
        <source>&amp;Copy the ticket text</source>
        <translation>&amp;Copiar el texto para el ticket</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="127"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="149"/>
        <source>Open a collected bundle</source>
        <translation>Abrir un paquete recopilado</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="151"/>
        <source>Bundles (*.zip manifest.json)</source>
        <translation>Paquetes (*.zip manifest.json)</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="158"/>
        <source>Open registry exports</source>
        <translation>Abrir exportaciones del registro</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="158"/>
        <source>Registry exports (*.reg)</source>
        <translation>Exportaciones del registro (*.reg)</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="165"/>
        <source>Open a mounted Windows disk</source>
        <translation>Abrir un disco de Windows montado</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="182"/>
        <source>Reading {what}…</source>
        <translation>Leyendo {what}…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="195"/>
        <source>Could not read it: {message}</source>
        <translation>No se pudo leer: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="202"/>
        <source>unnamed machine</source>
        <translation>equipo sin nombre</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="207"/>
        <source>Installed</source>
        <translation>Instalado</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="208"/>
        <source>Leftovers</source>
        <translation>Restos</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="209"/>
        <source>Other security software</source>
        <translation>Otro software de seguridad</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="220"/>
        <source>Nothing to remove.</source>
        <translation>Nada que quitar.</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="224"/>
        <source>No notes.</source>
        <translation>Sin notas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/technician.py" line="228"/>
        <source>%n products found.</source>
        <translation>
            <numerusform>%n producto encontrado.</numerusform>
            <numerusform>%n productos encontrados.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="233"/>
        <location filename="../../gui/technician.py" line="241"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="233"/>
        <location filename="../../gui/technician.py" line="241"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="264"/>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="266"/>
        <source>HTML report (*.html);;Scan document (*.json)</source>
        <translation>Informe HTML (*.html);;Documento del análisis (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="277"/>
        <source>Report saved to {path}</source>
        <translation>Informe guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="282"/>
        <source>Ticket text copied.</source>
        <translation>Texto del ticket copiado.</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="310"/>
        <source>&amp;Technician view…</source>
        <translation>Vista de &amp;técnico…</translation>
    </message>
    <message>
        <location filename="../../gui/technician.py" line="312"/>
        <source>Open another machine&apos;s collected data, read-only</source>
        <translation>Abrir los datos recopilados de otro equipo, solo lectura</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../gui/pages/verify.py" line="28"/>
        <source>Checking the result</source>
        <translation>Comprobando el resultado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="29"/>
        <source>A fresh scan of the computer, and a check of what protects it now.</source>
        <translation>Un nuevo análisis del equipo y una comprobación de qué lo protege ahora.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="31"/>
        <source>Check progress</source>
        <translation>Progreso de la comprobación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="49"/>
        <source>Removal result</source>
        <translation>Resultado de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="51"/>
        <source>What is still on the computer</source>
        <translation>Lo que sigue en el equipo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="41"/>
        <source>Protection status</source>
        <translation>Estado de la protección</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="39"/>
        <location filename="../../gui/pages/verify.py" line="43"/>
        <source>What to do now</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="53"/>
        <source>What the check found</source>
        <translation>Lo que encontró la comprobación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="68"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="91"/>
        <source>Nothing of Kaspersky is installed or running any more.</source>
        <translation>Ya no hay nada de Kaspersky instalado ni en ejecución.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="92"/>
        <source>Removed. A few parts stay loaded until the computer restarts.</source>
        <translation>Quitado. Algunas partes siguen cargadas hasta que se reinicie el equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="93"/>
        <source>Not everything was removed. Still on this computer:</source>
        <translation>No se quitó todo. Sigue en este equipo:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/verify.py" line="97"/>
        <source>%n leftover items are still on this computer; the details list them.</source>
        <translation>
            <numerusform>%n resto sigue en este equipo; los detalles lo indican.</numerusform>
            <numerusform>%n restos siguen en este equipo; los detalles los enumeran.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="102"/>
        <source>{product} is still installed or running</source>
        <translation>{product} sigue instalado o en ejecución</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="107"/>
        <source>Nothing more will be changed. What was removed is gone; what is left works as before.</source>
        <translation>No se cambiará nada más. Lo que se quitó ya no está; lo que queda funciona como antes.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="114"/>
        <source>Save the report and give it to whoever helps you with this computer: it says what is still here and why. You can open Switchover again later to try once more.</source>
        <translation>Guarde el informe y déselo a quien le ayude con este equipo: dice qué sigue aquí y por qué. Puede abrir Switchover más tarde para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="128"/>
        <source>The check could not finish: {message}</source>
        <translation>La comprobación no pudo terminar: {message}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/pages/welcome.py" line="14"/>
        <source>Welcome to Switchover</source>
        <translation>Bienvenido a Switchover</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="15"/>
        <source>Move from Kaspersky to another protection, calmly and safely.</source>
        <translation>Pase de Kaspersky a otra protección, con calma y con seguridad.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="18"/>
        <source>Switchover finds Kaspersky on this computer, helps you choose new protection and removes Kaspersky safely when you are ready.</source>
        <translation>Switchover encuentra Kaspersky en este equipo, le ayuda a elegir una nueva protección y quita Kaspersky con seguridad cuando usted esté listo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="22"/>
        <source>• Nothing leaves this computer: the scan and its results stay here.</source>
        <translation>• Nada sale de este equipo: el análisis y sus resultados se quedan aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="24"/>
        <source>• Nothing changes without your click: you can stop before anything is removed.</source>
        <translation>• Nada cambia sin su clic: puede parar antes de que se quite nada.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="26"/>
        <source>Demo machine</source>
        <translation>Equipo de demostración</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="27"/>
        <source>Want to see it first, without changing anything? Try a simulated computer:</source>
        <translation>¿Quiere verlo antes, sin cambiar nada? Pruebe un equipo simulado:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="30"/>
        <source>Try the demo: &amp;home PC</source>
        <translation>Probar la demo: PC de &amp;casa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="33"/>
        <source>Try the demo: &amp;office PC</source>
        <translation>Probar la demo: PC de &amp;oficina</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="38"/>
        <source>Press Next to look for Kaspersky software. This takes a few seconds.</source>
        <translation>Pulse Siguiente para buscar software de Kaspersky. Tarda unos segundos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="48"/>
        <source>Demo: you are looking at a simulated computer ({machine}). Nothing on this computer will be changed.</source>
        <translation>Demo: está viendo un equipo simulado ({machine}). No se cambiará nada en este equipo.</translation>
    </message>
</context>
<context>
    <name>WhyExpander</name>
    <message>
        <location filename="../../gui/pages/flow_page.py" line="92"/>
        <source>Shows or hides the details</source>
        <translation>Muestra u oculta los detalles</translation>
    </message>
</context>
</TS>
