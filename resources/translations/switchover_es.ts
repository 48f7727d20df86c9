<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AlternativesPage</name>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="25"/>
        <source>What comes next</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="28"/>
        <source>Protection to use instead. Switchover downloads nothing: it opens the vendor&apos;s own page.</source>
        <translation>Protección para usar en su lugar. Switchover no descarga nada: abre la página oficial del fabricante.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="32"/>
        <source>For &amp;use at:</source>
        <translation>Para &amp;usar en:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="34"/>
        <source>Home</source>
        <translation>Casa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="35"/>
        <source>Business</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="36"/>
        <source>For use at</source>
        <translation>Para usar en</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="41"/>
        <source>&amp;Free</source>
        <translation>&amp;Gratis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="42"/>
        <source>&amp;VPN</source>
        <translation>&amp;VPN</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="43"/>
        <source>&amp;Password manager</source>
        <translation>Gestor de &amp;contraseñas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="44"/>
        <source>Pa&amp;rental controls</source>
        <translation>Control &amp;parental</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="52"/>
        <source>Recommended protection</source>
        <translation>Protección recomendada</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="57"/>
        <source>Number of suggestions</source>
        <translation>Número de sugerencias</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="58"/>
        <source>&amp;Open the vendor&apos;s page</source>
        <translation>&amp;Abrir la página del fabricante</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alternatives.py" line="95"/>
        <source>{count} suggestions match.</source>
        <translation>{count} sugerencias coinciden.</translation>
    </message>
</context>
<context>
    <name>BanPage</name>
    <message>
        <location filename="../../gui/pages/ban.py" line="24"/>
        <source>What the ban means for you</source>
        <translation>Qué significa la prohibición para usted</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="25"/>
        <source>Facts with their sources. Click a source to open it in your browser.</source>
        <translation>Hechos con sus fuentes. Pulse una fuente para abrirla en su navegador.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="28"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="29"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="30"/>
        <source>Not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="31"/>
        <source>Do you live or work in the &amp;United States?</source>
        <translation>¿Vive o trabaja en &amp;Estados Unidos?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="33"/>
        <source>Do you live or work in the United States?</source>
        <translation>¿Vive o trabaja en Estados Unidos?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/ban.py" line="36"/>
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
        <location filename="../../gui/pages/ban.py" line="97"/>
        <source>Sources:</source>
        <translation>Fuentes:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../gui/pages/done.py" line="21"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="23"/>
        <source>Here is what happened. Keep the report if someone helps you with this computer.</source>
        <translation>Esto es lo que ha pasado. Guarde el informe si alguien le ayuda con este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="27"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="29"/>
        <source>&amp;Save the report…</source>
        <translation>&amp;Guardar el informe…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="30"/>
        <source>&amp;Copy a summary for the help desk</source>
        <translation>&amp;Copiar un resumen para el soporte técnico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="32"/>
        <source>Report status</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="42"/>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="44"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="50"/>
        <source>✓ Report saved to {path}</source>
        <translation>✓ Informe guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/done.py" line="54"/>
        <source>✓ Summary copied. Paste it into your help-desk ticket.</source>
        <translation>✓ Resumen copiado. Péguelo en su solicitud de soporte.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../gui/errors.py" line="27"/>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="30"/>
        <source>Switchover hit an unexpected problem. Nothing more will be changed until you choose what to do. The details are in the log; you can copy them for your help desk.</source>
        <translation>Switchover ha encontrado un problema inesperado. No se cambiará nada más hasta que usted decida qué hacer. Los detalles están en el registro; puede copiarlos para su soporte técnico.</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="37"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../gui/pages/found.py" line="141"/>
        <source>Details for help desk</source>
        <translation>Detalles para el soporte técnico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="146"/>
        <source>Scan details</source>
        <translation>Detalles del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="149"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>FoundPage</name>
    <message>
        <location filename="../../gui/pages/found.py" line="33"/>
        <source>What we found</source>
        <translation>Lo que hemos encontrado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="34"/>
        <source>Each product in plain words. The help desk can see every detail.</source>
        <translation>Cada producto en palabras sencillas. El soporte técnico puede ver todos los detalles.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="35"/>
        <source>Scan summary</source>
        <translation>Resumen del análisis</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="38"/>
        <source>Products found</source>
        <translation>Productos encontrados</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="40"/>
        <source>Management note</source>
        <translation>Nota sobre la administración</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="41"/>
        <source>Other security software</source>
        <translation>Otro software de seguridad</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="43"/>
        <source>&amp;Details for help desk…</source>
        <translation>&amp;Detalles para el soporte técnico…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="49"/>
        <source>Try the demo: &amp;home PC</source>
        <translation>Probar la demo: PC de &amp;casa</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="50"/>
        <source>Try the demo: &amp;office PC</source>
        <translation>Probar la demo: PC de &amp;oficina</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="62"/>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="62"/>
        <source>version {version}</source>
        <translation>versión {version}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="74"/>
        <source>This computer is managed by your organisation&apos;s IT team through Kaspersky Security Center. Talk to them before removing anything: they may hold the uninstall password, and their console may reinstall what is removed.</source>
        <translation>Este equipo lo administra el equipo de TI de su organización mediante Kaspersky Security Center. Hable con ellos antes de quitar nada: pueden tener la contraseña de desinstalación, y su consola puede volver a instalar lo que se quite.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="82"/>
        <source>Other security software on this computer: {names}.</source>
        <translation>Otro software de seguridad en este equipo: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="84"/>
        <source>No other security software was found on this computer: see What comes next.</source>
        <translation>No se encontró otro software de seguridad en este equipo: consulte «Qué hacer ahora».</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="92"/>
        <source>Kaspersky software is installed on this computer ({count} products).</source>
        <translation>Hay software de Kaspersky instalado en este equipo ({count} productos).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="97"/>
        <source>No Kaspersky product is installed. We found the software below: UltraAV, which replaced Kaspersky for US customers, or pieces that a Kaspersky removal left behind.</source>
        <translation>No hay ningún producto de Kaspersky instalado. Hemos encontrado el software de abajo: UltraAV, que sustituyó a Kaspersky para los clientes de EE. UU., o restos que dejó una desinstalación de Kaspersky.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="101"/>
        <source>Good news: no Kaspersky software was found on this computer. There is nothing to remove. You can still read what the ban means and look at other protection, or try the demo.</source>
        <translation>Buenas noticias: no se ha encontrado software de Kaspersky en este equipo. No hay nada que quitar. Aun así puede leer qué significa la prohibición y ver otras protecciones, o probar la demo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="108"/>
        <source>Pieces left behind by an earlier removal ({count} items).</source>
        <translation>Restos de una desinstalación anterior ({count} elementos).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="112"/>
        <source>Protects this computer against viruses and online threats.</source>
        <translation>Protege este equipo contra virus y amenazas de internet.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="113"/>
        <source>Your organisation&apos;s antivirus on this computer.</source>
        <translation>El antivirus de su organización en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="114"/>
        <source>Lets your IT team manage Kaspersky on this computer remotely.</source>
        <translation>Permite a su equipo de TI administrar Kaspersky en este equipo a distancia.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="115"/>
        <source>Keeps your saved passwords. Export them before removing it.</source>
        <translation>Guarda sus contraseñas. Expórtelas antes de quitarlo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="116"/>
        <source>Encrypts your internet connection (VPN).</source>
        <translation>Cifra su conexión a internet (VPN).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="117"/>
        <source>Drivers and services shared by Kaspersky products.</source>
        <translation>Controladores y servicios compartidos por los productos de Kaspersky.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="120"/>
        <source>Kaspersky software ({family}).</source>
        <translation>Software de Kaspersky ({family}).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="123"/>
        <source>Installed in place of Kaspersky for US customers in September 2024.</source>
        <translation>Instalado en lugar de Kaspersky para los clientes de EE. UU. en septiembre de 2024.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/found.py" line="126"/>
        <source>Virus definitions last updated on {date}.</source>
        <translation>Definiciones de virus actualizadas por última vez el {date}.</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../gui/pages/prepare.py" line="16"/>
        <source>Before removing</source>
        <translation>Antes de quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="17"/>
        <source>Save what you will need later. Tick each item once it is done.</source>
        <translation>Guarde lo que vaya a necesitar después. Marque cada elemento cuando lo haya hecho.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="18"/>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="21"/>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="23"/>
        <source>Checklist status</source>
        <translation>Estado de la lista</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="59"/>
        <source>Nothing needs saving first. Press Next to continue.</source>
        <translation>No hace falta guardar nada antes. Pulse Siguiente para continuar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="62"/>
        <source>{left} of {total} items still to tick.</source>
        <translation>Quedan {left} de {total} elementos por marcar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/prepare.py" line="65"/>
        <source>Everything is saved. Press Next to continue.</source>
        <translation>Todo está guardado. Pulse Siguiente para continuar.</translation>
    </message>
</context>
<context>
    <name>RemovePage</name>
    <message>
        <location filename="../../gui/pages/remove.py" line="44"/>
        <source>Remove Kaspersky</source>
        <translation>Quitar Kaspersky</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="157"/>
        <source>This is the point of no return: once removal starts, you cannot go back.</source>
        <translation>Este es el punto sin retorno: una vez empezada la desinstalación, no se puede volver atrás.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="47"/>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="49"/>
        <source>Uninstall &amp;password:</source>
        <translation>&amp;Contraseña de desinstalación:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="52"/>
        <source>Uninstall password</source>
        <translation>Contraseña de desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="56"/>
        <source>About the password</source>
        <translation>Acerca de la contraseña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="58"/>
        <source>Removal steps</source>
        <translation>Pasos de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="59"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="59"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="60"/>
        <source>Column headings</source>
        <translation>Encabezados de columna</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="68"/>
        <source>Removal progress</source>
        <translation>Progreso de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="69"/>
        <source>%v of %m steps</source>
        <translation>%v de %m pasos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="71"/>
        <source>Removal status</source>
        <translation>Estado de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="72"/>
        <source>Your turn</source>
        <translation>Le toca a usted</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="74"/>
        <source>What to do now</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="76"/>
        <source>I have &amp;done this</source>
        <translation>Ya lo he &amp;hecho</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="77"/>
        <source>S&amp;kip this step</source>
        <translation>&amp;Omitir este paso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="81"/>
        <location filename="../../gui/pages/remove.py" line="111"/>
        <source>&amp;Remove now</source>
        <translation>&amp;Quitar ahora</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="82"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="95"/>
        <location filename="../../gui/pages/remove.py" line="194"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="106"/>
        <source>The demo office PC&apos;s uninstall password is: {password}</source>
        <translation>La contraseña de desinstalación del PC de oficina de la demo es: {password}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="108"/>
        <source>Your IT team set this password. Switchover never saves or shows it.</source>
        <translation>Esta contraseña la fijó su equipo de TI. Switchover nunca la guarda ni la muestra.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="110"/>
        <source>Press Remove now when you are ready. You can stop between steps.</source>
        <translation>Pulse Quitar ahora cuando esté listo. Puede detenerse entre pasos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="133"/>
        <source>A removal was under way when Switchover stopped. Finish it here.</source>
        <translation>Había una eliminación en curso cuando Switchover se detuvo. Termínela aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="139"/>
        <source>⚠ Interrupted</source>
        <translation>⚠ Interrumpido</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="140"/>
        <source>Stopped part-way; Switchover checks it again first.</source>
        <translation>Se detuvo a medias; Switchover lo comprueba de nuevo antes.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="143"/>
        <source>Switchover stopped before it finished the removal started on {when}: the computer may have lost power, or Switchover closed unexpectedly. {done} of {total} steps had finished; they will not run again.</source>
        <translation>Switchover se detuvo antes de terminar la eliminación iniciada el {when}: puede que el equipo se quedara sin corriente o que Switchover se cerrara de forma inesperada. Habían terminado {done} de {total} pasos; no se volverán a ejecutar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="149"/>
        <source>“{step}” was under way when it stopped: Switchover checks whether it is still needed before running it again.</source>
        <translation>«{step}» estaba en curso cuando se detuvo: Switchover comprueba si todavía hace falta antes de volver a ejecutarlo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="153"/>
        <source>Press Finish the removal to complete it. You can stop between steps.</source>
        <translation>Pulse Terminar de quitar para completarla. Puede detenerse entre pasos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="154"/>
        <source>&amp;Finish the removal</source>
        <translation>&amp;Terminar de quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="200"/>
        <source>Removing… Please keep this window open.</source>
        <translation>Quitando… Mantenga esta ventana abierta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="208"/>
        <source>Stopping after the current step…</source>
        <translation>Deteniendo después del paso actual…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="223"/>
        <source>✗ Administrator permission declined</source>
        <translation>✗ Permiso de administrador rechazado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="225"/>
        <source>… Running</source>
        <translation>… En curso</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="226"/>
        <source>… Waiting for you</source>
        <translation>… Esperándole</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="227"/>
        <source>✓ Done</source>
        <translation>✓ Hecho</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="228"/>
        <source>✓ Done, restart needed</source>
        <translation>✓ Hecho, hay que reiniciar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="229"/>
        <source>✗ Failed</source>
        <translation>✗ Falló</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="230"/>
        <location filename="../../gui/pages/remove.py" line="270"/>
        <source>– Not run</source>
        <translation>– No ejecutado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="231"/>
        <source>– Stopped</source>
        <translation>– Detenido</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="253"/>
        <source>Every step finished. Press Next to check the result.</source>
        <translation>Todos los pasos han terminado. Pulse Siguiente para comprobar el resultado.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="254"/>
        <source>Every step finished. A restart is needed to finish; press Next.</source>
        <translation>Todos los pasos han terminado. Hace falta reiniciar para acabar; pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="256"/>
        <source>The removal did not finish: {message}. Check the password if one is needed, then press Try again.</source>
        <translation>La desinstalación no terminó: {message}. Compruebe la contraseña si hace falta y pulse Reintentar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="260"/>
        <source>Stopped: {message}. Press Try again to continue, or Next to check what is left.</source>
        <translation>Detenido: {message}. Pulse Reintentar para continuar, o Siguiente para comprobar lo que queda.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="266"/>
        <source>You declined the administrator prompt, so nothing was removed in that step. Press Try again and answer Yes when asked for permission.</source>
        <translation>Rechazó la solicitud de administrador, así que en ese paso no se quitó nada. Pulse Reintentar y responda Sí cuando se le pida permiso.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="270"/>
        <source>… After the restart</source>
        <translation>… Después del reinicio</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="280"/>
        <source>The removal stopped with an error: {message}</source>
        <translation>La desinstalación se detuvo con un error: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/remove.py" line="286"/>
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
        <source>On a real computer you would now save your work and restart. Here, press the button to restart the simulated computer, then press Next.</source>
        <translation>En un equipo real ahora guardaría su trabajo y reiniciaría. Aquí, pulse el botón para reiniciar el equipo simulado y luego pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="35"/>
        <source>Save your work and restart the computer. After the restart, Switchover opens by itself and finishes the check. You can also check now: what waits for the restart will still be listed.</source>
        <translation>Guarde su trabajo y reinicie el equipo. Tras el reinicio, Switchover se abre solo y termina la comprobación. También puede comprobar ahora: lo que espera al reinicio seguirá apareciendo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/restart.py" line="47"/>
        <source>✓ The demo computer has restarted. Press Next to check the result.</source>
        <translation>✓ El equipo de demostración se ha reiniciado. Pulse Siguiente para comprobar el resultado.</translation>
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
        <source>Reading the list of installed programs, services, drivers and folders.</source>
        <translation>Leyendo la lista de programas instalados, servicios, controladores y carpetas.</translation>
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
        <location filename="../../gui/pages/scan.py" line="91"/>
        <source>Scan stopped. Nothing was changed on this computer.</source>
        <translation>Análisis detenido. No se ha cambiado nada en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/scan.py" line="94"/>
        <source>The scan could not finish: {message}</source>
        <translation>El análisis no pudo terminar: {message}</translation>
    </message>
</context>
<context>
    <name>SwitchoverWizard</name>
    <message>
        <location filename="../../gui/wizard.py" line="83"/>
        <source>Open &amp;log</source>
        <translation>Abrir el &amp;registro</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="84"/>
        <source>Open Switchover&apos;s log file</source>
        <translation>Abrir el archivo de registro de Switchover</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="85"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="113"/>
        <source>Switchover</source>
        <translation>Switchover</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="114"/>
        <source>Switchover — demo: {machine}</source>
        <translation>Switchover — demo: {machine}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="117"/>
        <source>home PC</source>
        <translation>PC de casa</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="117"/>
        <source>office PC</source>
        <translation>PC de oficina</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="180"/>
        <source>Stop and close?</source>
        <translation>¿Detener y cerrar?</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="181"/>
        <source>Switchover is still working. Stop after the current step and close?</source>
        <translation>Switchover sigue trabajando. ¿Detener después del paso actual y cerrar?</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../gui/pages/verify.py" line="22"/>
        <source>Checking the result</source>
        <translation>Comprobando el resultado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="23"/>
        <source>A fresh scan of the computer, and a check of what protects it now.</source>
        <translation>Un nuevo análisis del equipo y una comprobación de qué lo protege ahora.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="25"/>
        <source>Check progress</source>
        <translation>Progreso de la comprobación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="28"/>
        <source>Removal result</source>
        <translation>Resultado de la desinstalación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="30"/>
        <source>What is still on the computer</source>
        <translation>Lo que sigue en el equipo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="32"/>
        <source>Protection status</source>
        <translation>Estado de la protección</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="49"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="65"/>
        <source>✓ Verified: no Kaspersky software is installed or running.</source>
        <translation>✓ Comprobado: no hay software de Kaspersky instalado ni en ejecución.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="66"/>
        <source>⚠ Removed, but some parts stay loaded until the computer restarts.</source>
        <translation>⚠ Quitado, pero algunas partes siguen cargadas hasta que el equipo se reinicie.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="67"/>
        <source>✗ Not everything was removed. Still present:</source>
        <translation>✗ No se ha quitado todo. Sigue presente:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="74"/>
        <source>{count} leftover items that do not run (folders, settings)</source>
        <translation>{count} restos que no se ejecutan (carpetas, ajustes)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="81"/>
        <source>✓ Protected now by: {names}.</source>
        <translation>✓ Protegido ahora por: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="88"/>
        <source>⚠ Nothing protects this computer right now. Turn on Microsoft Defender, or install one of the suggested products.</source>
        <translation>⚠ Ahora mismo nada protege este equipo. Active Microsoft Defender o instale uno de los productos sugeridos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/verify.py" line="97"/>
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
        <source>Switchover looks for Kaspersky security software on this computer, explains what the United States ban means for you, helps you choose another protection and removes Kaspersky safely when you are ready.</source>
        <translation>Switchover busca software de seguridad de Kaspersky en este equipo, le explica qué significa para usted la prohibición de Estados Unidos, le ayuda a elegir otra protección y quita Kaspersky de forma segura cuando usted esté listo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="23"/>
        <source>• Nothing leaves this computer: the scan and its results stay here.</source>
        <translation>• Nada sale de este equipo: el análisis y sus resultados se quedan aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="25"/>
        <source>• Nothing changes without your click: you can stop before anything is removed.</source>
        <translation>• Nada cambia sin su clic: puede parar antes de que se quite nada.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="27"/>
        <source>Demo machine</source>
        <translation>Equipo de demostración</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="29"/>
        <source>Press Next to look for Kaspersky software. This takes a few seconds.</source>
        <translation>Pulse Siguiente para buscar software de Kaspersky. Tarda unos segundos.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="37"/>
        <source>Demo: you are looking at a simulated computer ({machine}). Nothing on this computer will be changed.</source>
        <translation>Demo: está viendo un equipo simulado ({machine}). No se cambiará nada en este equipo.</translation>
    </message>
</context>
</TS>
